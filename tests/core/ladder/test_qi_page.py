from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.ladder.qi_page import what_is_qi_html
from tests.conftest import SHIPPED_CONTENT


def test_the_page_s_own_words_for_each_level_and_its_resources_in_order():
    ladder = load_content(SHIPPED_CONTENT).ladder
    html = what_is_qi_html(ladder)
    positions = []
    for level in ladder.levels:
        assert level.definition in html.replace("&#x27;", "'")
        positions.append(html.index(f"{level.name}: "))
        for resource in ladder.resources:
            if resource.level == level.id:
                assert resource.page_text.replace("&", "&amp;") in html
    assert positions == sorted(positions)  # Learn, then Living, then Leading
    assert ladder.note in html and ladder.credit in html
