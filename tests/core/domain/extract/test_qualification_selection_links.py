"""Qualification levels from qualification sections, selection steps, the apply link."""

from core.domain.extract.links import application_link
from core.domain.extract.qualification import qualification
from core.domain.extract.selection import selection_process
from tests.core.domain.extract.documents import document


def test_alternative_levels_of_a_qualification_section():
    fact = qualification(document("3. Essential Qualifications\nFirst class Post-graduate degree in science (M.Sc.) "
                                  "or B.E. / B. Tech.\n(OR)\nFirst class Diploma in Engineering\n4. Experience"))
    assert fact.value == ["Diploma", "Graduate", "Postgraduate"]


def test_degrees_named_outside_a_qualification_section_do_not_count():
    assert qualification(document("NIT Jamshedpur offers academic programmes: B.Tech. (Hons.), M.Tech., MCA and Ph.D.")) is None


def test_the_degree_level_of_a_masters_requirement_is_not_a_graduate_degree():
    fact = qualification(document("8. EDUCATIONAL QUALIFICATIONS: (As on 01.01.2019)\nMaster’s degree of a recognized "
                                  "University in Hindi with English as the medium of examination at the degree level;\n"
                                  "AND\nRecognized Diploma or Certificate course in translation"))
    assert fact.value == ["Postgraduate"]


def test_a_table_of_qualification_codes_is_not_a_requirement():
    assert qualification(document("Essential Educational Qualification Code\nDiploma in Translation 04\nBA 05\n"
                                  "B. Com. 07\nB.Sc. 09")) is None


def test_selection_steps_where_the_notice_says_how_it_selects():
    fact = selection_process(document("The final selection will be on the basis of CV, a written test and an interview."))
    assert fact.value == ["Written test", "Interview", "CV shortlisting"]


def test_a_step_the_board_only_may_add_is_not_a_step():
    fact = selection_process(document("Selection Process: Educational Qualification, Experience and performance in "
                                      "personal Interview. The Competent Authority may also decide conducting Written "
                                      "Test to shortlist the candidates."))
    assert fact.value == ["Interview"]


def test_the_apply_link_is_the_form_not_the_home_page():
    fact = application_link(document("Candidate who desires to apply online will have to register in the portal "
                                     "through https://indiapost.gov.in or https://appost.in/gdsonline with effect from"))
    assert fact.value == "https://appost.in/gdsonline"


def test_an_address_to_download_a_form_from_is_not_an_apply_link():
    assert application_link(document("The application form can be downloaded from https://board.example/form.pdf "
                                     "and submitted online.")) is None
