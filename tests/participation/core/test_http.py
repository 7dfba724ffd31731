

def test_number_from_takes_plain_ids_only():
    from participation.core.http import number_from

    assert number_from("42") == 42 and number_from(7) == 7
    for bad in ("", None, "-1", "4.2", "²", "٣", "0" * 4301, "9" * 19, " 42"):
        assert number_from(bad) is None, bad


def test_a_huge_number_in_a_query_string_is_no_error(client, dialogue):
    response = client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": "Benches in parks", "exclude": "0" * 4301})
    assert response.status_code == 200
