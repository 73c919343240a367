from wagtail import hooks

from portal.security import twofactor


@hooks.register("register_admin_urls")
def second_factor_urls():
    return twofactor.urlpatterns
