# Without the abbreviation “г.”, a date that ends a sentence is not followed by a second full
# stop (“1 декабря 2026 г..”); “1 декабря 2026” is as usual in Russian.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, G:i"
