from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page


def search(request):
    """Wagtail's basic search, limited to the visitor's language."""
    search_query = request.GET.get("query", "").strip()
    if search_query:
        results = Page.objects.live().filter(locale=Locale.get_active()).search(search_query)
    else:
        results = Page.objects.none()

    paginator = Paginator(results, 10)
    try:
        results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": search_query, "search_results": results},
    )
