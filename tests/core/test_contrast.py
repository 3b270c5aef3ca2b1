from mnhsc_desktop.core.contrast import contrast_ratio


def test_black_on_white_is_21_and_order_does_not_matter():
    assert round(contrast_ratio((0, 0, 0), (255, 255, 255)), 2) == 21.0
    assert contrast_ratio((0, 94, 184), (255, 255, 255)) == contrast_ratio(
        (255, 255, 255), (0, 94, 184)
    )


def test_known_values():
    assert round(contrast_ratio((0, 94, 184), (255, 255, 255)), 1) == 6.4  # NHS Blue on white
    assert round(contrast_ratio((118, 118, 118), (255, 255, 255)), 2) == 4.54  # the classic AA grey
    assert contrast_ratio((48, 140, 198), (255, 255, 255)) < 4.5  # Fusion's default selection


def test_dimmed_text_is_dimmer_but_still_passes_on_light_and_dark():
    from mnhsc_desktop.core.contrast import dimmed

    for text, back in [((0, 0, 0), (255, 255, 255)), ((255, 255, 255), (30, 30, 30))]:
        dim = dimmed(text, back)
        assert dim != text  # a visible second cue
        assert 4.5 <= contrast_ratio(dim, back) < contrast_ratio(text, back)
    assert dimmed((118, 118, 118), (255, 255, 255)) == (118, 118, 118)  # no room: left alone


def test_readable_keeps_a_colour_recognisable_and_makes_it_pass():
    from hypothesis import given
    from hypothesis import strategies as st

    from mnhsc_desktop.core.contrast import readable

    red = (255, 0, 0)
    assert contrast_ratio(red, (255, 255, 255)) < 4.5  # Qt's weekend red on white
    on_white = readable(red, (255, 255, 255))
    assert on_white[0] > 150 and on_white[1] == on_white[2] == 0  # still plainly red
    assert contrast_ratio(on_white, (255, 255, 255)) >= 4.5
    assert readable((0, 94, 184), (255, 255, 255)) == (0, 94, 184)  # passes already: unchanged

    channel = st.integers(0, 255)
    colour = st.tuples(channel, channel, channel)

    @given(colour, colour)
    def always_passes(color, background):
        assert contrast_ratio(readable(color, background), background) >= 4.5

    always_passes()
