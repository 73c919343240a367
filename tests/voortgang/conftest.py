import factory
import pytest

from tests.factories import BronFactory
from voortgang.models import Meting


class MetingFactory(factory.django.DjangoModelFactory):
    """A published meting (live, with a first revision), as the loader and the admin leave it."""

    class Meta:
        model = Meting
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"meting-{n}")
    sector = "overheid"
    jaar = 2022
    doel = 22500
    gerealiseerd = 10004
    bron = factory.SubFactory(
        BronFactory, titel="81.117 extra banen (Rijksoverheid)", soort="website", jaar=2023
    )
    vindplaats = "alinea 2"

    @factory.post_generation
    def publish(meting, create, extracted, **kwargs):
        if create and meting.live:
            meting.save_revision().publish()


@pytest.fixture
def meting_factory(db):
    return MetingFactory
