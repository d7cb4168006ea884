"""The one stage-word list: classify_stage, strip_stage_words and stage_pattern, on real titles."""

import pytest

from core.domain.schema import Stage
from core.domain.stages import classify_stage, stage_pattern, strip_stage_words


@pytest.mark.parametrize(("title", "stage"), [
    ("Delhi FCI Watchman PET Admit Card 2018", Stage.admit_card),
    ("Link for Downloading e-call Letters for 2nd Stage Exam (CBT) of NTPC (Graduate)", Stage.admit_card),
    ("प्रवेश पत्र", Stage.admit_card),
    ("ASSISTANT COMMERCIAL TAX OFFICER-2016: MODEL ANSWER KEY TO GENERAL AWARENESS PAPER", Stage.answer_key),
    ("Result of SSEs & JEs (Online Exam) with schedule of Documents Verification [CEN-01/2015]", Stage.result),
    ("Combined Civil Services Examination - III (Group - III A Services) Marks and Rank", Stage.marks),
    ("UPSSSC Excise Trainer / Vikas Dal Adhikari Online Form 2018", Stage.online_form),
    ("Recruitment to 47 Posts of Public Prosecutors in CBI", Stage.recruitment),
])
def test_real_titles_name_their_stage(title, stage):
    assert classify_stage(title) is stage


def test_the_first_stage_in_the_list_wins():
    # a result that is also a notification: the result is the news
    assert classify_stage("CETSE 2025 Wait list Result Notification") is Stage.result


def test_instructions_for_the_omr_sheet_are_not_marks():
    assert classify_stage("UP Police Constable OMR Sheet Instruction 2026") is Stage.other


@pytest.mark.parametrize(("title", "stage"), [
    ("SSC Score Cards", Stage.score_card),
    ("Revised Exam Dates", Stage.exam_date),
    ("Offline Form 2018", Stage.online_form),
])
def test_a_word_stripped_from_titles_also_names_its_stage(title, stage):
    assert classify_stage(title) is stage


# Subjects as the stage words left them before the list was made one: fingerprints and slugs of
# stored jobs are made from them, so they must not move.
@pytest.mark.parametrize(("title", "subject"), [
    ("Instruction for downloading admit card for Online Applicants", "downloading Online Applicants"),
    ("UPSSSC Excise Trainer / Vikas Dal Adhikari Online Form 2018", "UPSSSC Excise Trainer / Vikas Dal Adhikari"),
    ("Delhi FCI Watchman PET Admit Card 2018", "Delhi FCI Watchman PET"),
    ("CETSE 2025 Wait list Result_2 Notification", "CETSE Wait list Result_2"),
    ("ASSISTANT COMMERCIAL TAX OFFICER-2016: MODEL ANSWER KEY TO GENERAL AWARENESS PAPER",
     "MODEL TO GENERAL AWARENESS PAPER"),
    ("Result of SSEs & JEs (Online Exam) with schedule of Documents Verification [CEN-01/2015]",
     "SSEs & JEs Online Exam with Documents Verification [CEN 01/ ]"),
])
def test_stage_words_are_stripped_from_a_title(title, subject):
    assert strip_stage_words(title) == subject


def test_stage_pattern_joins_stages():
    pattern = stage_pattern(Stage.result, Stage.marks)
    assert pattern.search("Final Result") and pattern.search("Merit List") and not pattern.search("Admit Card")


def test_stage_pattern_finds_words_inside_file_names_only_when_asked():
    label = "Notice_Final_Result_Technician(1)_1781178288"
    assert not stage_pattern(Stage.result).search(label)
    assert stage_pattern(Stage.result, whole_words=False).search(label)
