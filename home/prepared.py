"""Queries whose SQL is compiled once per database, for the few requests served most.

Django builds and compiles a queryset's SQL each time it runs it: about 0.25 ms of CPU for a
query the database answers in 0.05. A `PreparedQuery` builds its queryset once, with stand-in
values, keeps the SQL and the compiler, and from then on runs the SQL with each call's values in
their places. The compiler still converts what the database returns (`results_iter`), so rows
read as the ORM reads them.

Only values that reach the SQL as they are given can have their places found: integers (primary
keys) and strings compared with `=`. Building the queryset with anything else fails at once.
"""

import functools
import itertools

from django.db import connections, router

_stand_ins = itertools.count(1)


class PreparedQuery:
    """`PreparedQuery(lambda user_id, key: JoinDraft.objects.filter(...), int, str)`: the
    function is called with stand-in values of the types given, once per database and shape."""

    def __init__(self, build, *types):
        self.build = build
        self.types = types
        self.compiled = {}

    def exists(self, *values):
        return self.compiler_and_row("exists", *values)[1] is not None

    def first(self, *values):
        """The first object, as `QuerySet.first()` gives it, or None. Plain models only: no
        `select_related`, no annotations, every field loaded."""
        compiler, row = self.compiler_and_row("first", *values)
        if row is None:
            return None
        model = compiler.query.model
        fields = [column.target.attname for column, _sql, _alias in compiler.select]
        return model.from_db(compiler.using, fields, row)

    def compiler_and_row(self, shape, *values):
        """The compiler and the first row, its values converted, of the query in `shape`:
        "first" (its first object), "exists" (`SELECT 1 … LIMIT 1`) or "as built"."""
        compiler, sql, params, places = self.statement(shape)
        for place, value in zip(places, values, strict=True):
            params[place] = value
        with connections[compiler.using].cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return compiler, None
        (converted,) = compiler.results_iter(results=[[row]])
        return compiler, converted

    @functools.cached_property
    def model(self):
        return self.build(*self.stand_ins()).model

    def statement(self, shape):
        alias = router.db_for_read(self.model)
        if (shape, alias) not in self.compiled:
            self.compiled[shape, alias] = self.compile(shape, alias)
        compiler, sql, params, places = self.compiled[shape, alias]
        return compiler, sql, list(params), places

    def compile(self, shape, alias):
        stand_ins = self.stand_ins()
        queryset = self.build(*stand_ins)
        if shape == "first":
            queryset = (queryset if queryset.ordered else queryset.order_by("pk"))[:1]
        query = queryset.query.exists() if shape == "exists" else queryset.query
        compiler = query.get_compiler(alias)
        sql, params = compiler.as_sql()
        if shape == "first" and (
            compiler.klass_info.get("related_klass_infos") or query.annotations
        ):
            raise ValueError("`first` builds plain objects: no select_related, no annotations")
        return compiler, sql, tuple(params), places_of(stand_ins, params)

    def stand_ins(self):
        """Values no query holds by chance, one per argument, of the argument's type."""
        number = next(_stand_ins)
        return [
            -(2**62) - number * len(self.types) - index
            if kind is int
            else f"prepared-query-stand-in-{number}-{index}"
            for index, kind in enumerate(self.types)
        ]


def places_of(stand_ins, params):
    """Where each stand-in is in `params`. Each must be there once, as it was given, and nowhere
    else, not even changed (a JSON text or a LIKE pattern holding it): such a place would keep
    the stand-in whatever the values."""
    places = []
    for stand_in in stand_ins:
        holding = [place for place, param in enumerate(params) if str(stand_in) in str(param)]
        found = [place for place in holding if params[place] == stand_in]
        if len(found) != 1 or len(holding) != 1:
            raise ValueError(f"A prepared query must use each value once, as given: {params}")
        places.append(found[0])
    return places
