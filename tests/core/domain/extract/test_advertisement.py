"""Advertisement numbers, and the file numbers that are not."""

import pytest

from core.domain.extract.advertisement import advertisement_number
from tests.core.domain.extract.documents import document


@pytest.mark.parametrize(("text", "number"), [
    ("Advt. No. NITJSR/ESTT/ 807/2013 Date 05/07/2013", "NITJSR/ESTT/807/2013"),
    ("Advertisement No: NIT JSR/ESTT/620 /2013 Date: 15/05/2013", "NIT JSR/ESTT/620/2013"),
    ("Requirement of Manager (HR) on Contract (Advt. No. AWEIL/03/2023)", "AWEIL/03/2023"),
    ("CEN.No.02/2018", "CEN 02/2018"),
    ("CENTRALISED EMPLOYMENT NOTICE NO. 03/2018", "CEN 03/2018"),
    ("कें द्रीकृ त रोज़गार सूचना संख्या 01/2019", "CEN 01/2019"),
    ("CATEGORY NO: 423/2025", "423/2025"),
    ("Notice No.63/2026", "Notice No.63/2026"),
    ("RECTT/R-100/GDS/CYCLE-III/VOL-I\nNOTIFICATION FOR THE POSTS OF GRAMIN DAK SEVAKS", "RECTT/R-100/GDS/CYCLE-III/VOL-I"),
])
def test_advertisement_numbers_as_printed(text, number):
    assert advertisement_number(document(text)).value == number


def test_a_file_number_is_not_an_advertisement_number():
    assert advertisement_number(document("F.No.3/2/2018-P&P-II. The Staff Selection Commission will hold")) is None
