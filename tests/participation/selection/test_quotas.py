"""Reading the Sortition Foundation's files, and quotas that cannot hold, named."""

import pytest

from participation.selection.quotas import InfeasibleQuotas, SelectionInputError, check_feasible, read_categories, read_people
from tests.factories import make_selection, write_selection_files

from .conftest import QUOTAS


@pytest.mark.parametrize(
    "header",
    [
        ("category", "feature", "min", "max"),
        ("feature", "value", "min", "max", "min_flex", "max_flex"),
        ("category", "name", "min", "max", "note"),
    ],
)
def test_categories_in_each_header_variant(tmp_path, people, header):
    rows = [row + (0, 99)[: len(header) - 4] for row in QUOTAS]
    categories, _people = write_selection_files(tmp_path, rows, people, header=header)
    quotas = read_categories(categories)
    assert quotas.categories == ("gender", "age", "region")
    assert [(q.category, q.feature, q.min, q.max) for q in quotas.quotas] == QUOTAS


def test_people_read_with_their_features_and_nothing_else(tmp_path, people):
    categories, people_file = write_selection_files(tmp_path, QUOTAS, people)
    pool = read_people(people_file, read_categories(categories))
    assert pool.people == people  # the first_name column is not read


def test_features_match_whatever_their_case(tmp_path):
    categories, people_file = write_selection_files(tmp_path, QUOTAS, {"A": ("WOMAN", "Under 40", "north")})
    pool = read_people(people_file, read_categories(categories))
    assert pool.people["A"] == ("woman", "under 40", "north")


def test_bad_people_files_say_what_and_where(tmp_path):
    people = {"A": ("woman", "under 40", "west"), "B": ("man", "", "north")}
    categories, people_file = write_selection_files(tmp_path, QUOTAS, people)
    with open(people_file, "a") as file:
        file.write("A,again,man,under 40,north\n")
    with pytest.raises(SelectionInputError) as error:
        read_people(people_file, read_categories(categories))
    message = str(error.value)
    assert "“west” is not a feature of region" in message
    assert "line 3 (B): no value for age" in message
    assert "the id A appears on lines 2, 4" in message


def test_a_category_missing_from_the_people_file(tmp_path, people):
    categories, people_file = write_selection_files(tmp_path, QUOTAS + [("income", "low", 1, 5)], people)
    people_file.write_text("id,gender,age,region\nA,woman,under 40,north\n")
    with pytest.raises(SelectionInputError, match="no column for the category “income”"):
        read_people(people_file, read_categories(categories))


def test_bad_categories_files(tmp_path):
    path = tmp_path / "categories.csv"
    path.write_text("category,feature,min,max\ngender,woman,5,3\ngender,man,x,4\ngender,woman,1,2\n")
    with pytest.raises(SelectionInputError) as error:
        read_categories(path)
    assert "line 2: gender “woman” needs 0 ≤ min ≤ max" in str(error.value)
    assert "line 3: min and max must be whole numbers" in str(error.value)
    path.write_text("name,lower,upper\n")
    with pytest.raises(SelectionInputError, match="needs the columns category, feature, min and max"):
        read_categories(path)


def problems(quotas, people, size):
    with pytest.raises(InfeasibleQuotas) as error:
        check_feasible(make_selection(quotas, people, size))
    return error.value.problems


def test_sums_of_minimums_and_maximums_against_the_panel(people):
    assert "The minimums of gender add up to 18, more than the panel of 15." in problems(QUOTAS, people, 15)
    assert "The maximums of age add up to 24, fewer than the panel of 25." in problems(QUOTAS, people, 25)


def test_a_feature_with_fewer_people_than_its_minimum():
    people = {f"P{n}": ("woman" if n < 3 else "man", "under 40", "north") for n in range(10)}
    quotas = [("gender", "woman", 4, 6), ("gender", "man", 0, 6)]
    assert "gender “woman”: its minimum is 4 but the pool has 3 people with it." in problems(quotas, {k: v[:1] for k, v in people.items()}, 6)


def test_a_panel_larger_than_the_pool(people):
    assert "The panel of 80 is larger than the pool of 60 people." in problems(QUOTAS, people, 80)


def test_quotas_that_conflict_only_together_are_named():
    # Every woman is young and every man old: at most 2 women means at most 2 young people.
    people = {f"W{n}": ("woman", "young") for n in range(4)} | {f"M{n}": ("man", "old") for n in range(4)}
    quotas = [("gender", "woman", 1, 2), ("gender", "man", 0, 4), ("age", "young", 3, 4), ("age", "old", 0, 4)]
    found = problems(quotas, people, 4)
    assert found == ["No panel of 4 meets these quotas together:", "gender “woman”: at most 2", "age “young”: at least 3"]
