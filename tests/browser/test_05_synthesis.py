"""The synthesis lesson in a real browser: write a claim, choose evidence, check, see the preview."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import open_in_voila, screenshot


def test_a_student_builds_an_argument_and_sees_it_previewed(lesson):
    page = lesson("05_synthesis.ipynb")
    builder = page.locator(".ps-cer-builder").first
    builder.scroll_into_view_if_needed()
    preview = builder.locator(".ps-cer-preview")
    expect(preview).to_contain_text("No claim written yet")

    claim = builder.get_by_label("Claim", exact=True)
    claim.fill("Moscow advised Kim closely, but kept its own part hidden.")
    claim.press("Tab")  # the claim reaches the kernel when the student leaves the box
    expect(preview).to_contain_text("Moscow advised Kim closely", timeout=20000)

    # Evidence from the document, chosen from the keyboard: the last sentence but two (s12).
    builder.get_by_role("button", name="the document", exact=True).click()
    evidence = builder.get_by_label("Evidence", exact=True)
    expect(evidence.locator("option")).to_have_count(14, timeout=20000)
    detail = builder.locator(".ps-cer-detail")
    evidence.focus()
    # Each key press is sent to the kernel: wait for the panel to name each sentence in turn.
    # In JupyterLab the plain arrow keys move between cells; in a list, End picks the last piece,
    # Ctrl+arrows move without picking and Ctrl+Space picks or unpicks the piece you are on.
    page.keyboard.press("End")
    expect(detail).to_contain_text("If it is necessary, we can throw in", timeout=20000)
    for key in ("Control+ArrowUp", "Control+ArrowUp", "Control+Space"):
        page.keyboard.press(key)
    expect(detail).to_contain_text("Advise Comrade Kim II Sung not to scatter the air force",
                                   timeout=20000)
    for key in ("Control+ArrowDown", "Control+ArrowDown", "Control+Space"):
        page.keyboard.press(key)
    expect(detail).not_to_contain_text("If it is necessary, we can throw in", timeout=20000)
    expect(detail).to_contain_text("Advise Comrade Kim II Sung not to scatter the air force")
    builder.get_by_role("button", name="Add to my evidence").focus()
    page.keyboard.press("Enter")
    expect(builder.locator(".ps-cer-summary")).to_contain_text("1 piece of evidence chosen",
                                                               timeout=20000)

    # Evidence from the provenance: the first step of the journey.
    builder.get_by_role("button", name="its provenance", exact=True).click()
    expect(evidence.locator("option").first).to_contain_text("Journey", timeout=20000)
    evidence.focus()
    page.keyboard.press("Home")
    expect(detail).to_contain_text("Drafted and registered", timeout=20000)
    builder.get_by_role("button", name="Add to my evidence").click()
    expect(builder.locator(".ps-cer-summary")).to_contain_text(
        "2 pieces of evidence chosen: 1 from the document, 1 from its provenance", timeout=20000)

    evidence.scroll_into_view_if_needed()
    screenshot(page, "05_synthesis_builder.png")

    builder.get_by_label("Reasoning", exact=True).fill(
        "E1 gives detailed advice on the air force; E2 shows the message was registered in "
        "Moscow under a pseudonym.")
    builder.get_by_role("button", name="Check my argument").click()
    expect(builder.locator(".ps-cer-feedback")).to_contain_text(
        "Your argument has all its parts", timeout=20000)

    for text in ("Moscow advised Kim closely", "From the document", "From its provenance",
                 "Advise Comrade Kim II Sung", "Drafted and registered", "E2 shows the message"):
        expect(preview).to_contain_text(text)
    preview.scroll_into_view_if_needed()
    screenshot(page, "05_synthesis_argument.png")


def _download_portfolio(page, where: str) -> str:
    """Press "Download my portfolio", click the link it shows, and return the file's text."""
    box = page.locator(".ps-portfolio").first
    box.scroll_into_view_if_needed()
    box.get_by_role("button", name="Download my portfolio").click()
    link = box.locator(".ps-portfolio-output a[download]")
    expect(link).to_be_visible(timeout=30000)
    with page.expect_download(timeout=30000) as got:
        link.click()
    download = got.value
    assert download.suggested_filename.endswith("-portfolio.html"), where
    text = open(download.path(), encoding="utf-8").read()
    screenshot(page, f"{where}_portfolio_link.png")
    return text


def test_the_portfolio_link_downloads_the_portfolio_and_a_short_answer_reveals_nothing(lesson):
    page = lesson("05_synthesis.ipynb")
    # A two-word free-text answer is kept, but shows neither the model answer nor keywords.
    final = page.locator(".primary-source-exercise", has=page.locator("textarea")).last
    final.scroll_into_view_if_needed()
    final.locator("textarea").fill("idk really")
    final.get_by_role("button", name="Submit").click()
    expect(final).to_contain_text("write at least 15 words", timeout=30000)
    final.get_by_role("button", name="Show model answer").click()
    expect(final).to_contain_text("Write your own answer first", timeout=30000)
    expect(final).not_to_contain_text("Model answer:")
    expect(final).not_to_contain_text("You might also consider")

    text = _download_portfolio(page, "lab_05")
    assert "<title>JupyterLab</title>" not in text and "jupyter-config-data" not in text
    assert "portfolio" in text.lower() and "05_synthesis" in text and "idk really" in text


def test_the_portfolio_link_downloads_the_portfolio_in_voila(voila, page):
    page = open_in_voila(page, voila, "05_synthesis.ipynb")
    text = _download_portfolio(page, "voila_05")
    assert "Voila" not in text[:500] and "05_synthesis" in text and "<h2>" in text
