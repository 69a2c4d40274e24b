from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query

from home.methods import READ, answers
from strategy_pages.models import GoalPage

from .ranking import ranked_results, search_terms, typed_query

RESULTS_PER_PAGE = 10


@answers(*READ)
def search(request):
    """Search in the visitor's language: editors' picks first, then the ranked results."""
    search_query = typed_query(request.GET.get("query", ""))
    results, promotions, suggestions = [], [], []
    if search_query:
        results = ranked_results(search_query)
        query = Query.get(search_query)
        query.add_hit()
        promotions = editors_picks(query)
        if not results and not promotions:
            suggestions = GoalPage.objects.live().filter(locale__language_code=get_language())
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "search_terms": search_terms(search_query),
            "search_results": page,
            "promotions": promotions if page.number == 1 else [],
            "suggestions": suggestions,
        },
    )
    # Visitors asking the same get the same page (home.page_cache): their searches are then
    # not counted in the promotions' statistics, only the first of each generation.
    response.page_cacheable = response.shared_cacheable = True
    return response


def editors_picks(query):
    """The pages editors promoted for this query, in the visitor's language when translated."""
    picks = query.editors_picks.select_related("page").order_by("sort_order")
    return [
        {
            "url": pick.page.localized.url if pick.page else pick.external_link_url,
            "title": pick.page.localized.title if pick.page else pick.external_link_text,
            "description": pick.description,
        }
        for pick in picks
    ]
