"""Pasted videos and maps become facades: nothing reaches YouTube, Facebook or Google until the reader taps."""

from __future__ import annotations

import re

import pytest

from content_samples import good_content
from sitebuild import front, make_site, run_mkdocs

from bangtin.embeds import embed_of, embed_problems, rewrite_embeds

YT = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"


@pytest.mark.parametrize(("url", "provider", "src"), [
    ("https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc", "YouTube", YT),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "YouTube", YT),
    ("https://youtu.be/dQw4w9WgXcQ", "YouTube", YT),
    ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", YT),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube", YT),
    ("https://www.facebook.com/mnhoasen/videos/123456789/", "Facebook",
     "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fmnhoasen%2Fvideos%2F123456789%2F&show_text=false"),
    ("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%2Fvideos%2F1%2F", "Facebook",
     "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%2Fvideos%2F1%2F"),
    ("https://www.google.com/maps/embed?pb=!1m18", "Google Maps", "https://www.google.com/maps/embed?pb=!1m18"),
])
def test_known_players_are_recognised(url, provider, src):
    embed = embed_of(url, "")
    assert (embed.provider, embed.src) == (provider, src)


@pytest.mark.parametrize("url", ["https://www.youtube.com/", "https://www.youtube.com/watch?v=", "https://example.com/video",
                                 "https://www.facebook.com/mnhoasen/", "https://www.google.com/maps/place/Hoa+Sen"])
def test_other_addresses_are_no_player(url):
    assert embed_of(url, "") is None


def test_iframes_and_lone_video_links_are_replaced_and_other_links_kept():
    html = ('<p>Xem video:</p>\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player"></iframe>\n'
            '<p>https://youtu.be/dQw4w9WgXcQ</p>\n<p>Trang: <a href="https://youtu.be/dQw4w9WgXcQ">video</a> của bé.</p>\n'
            '<p><a href="https://www.google.com/maps/place/x">https://www.google.com/maps/place/x</a></p>')
    out = rewrite_embeds(html, lambda embed: f"[{embed.provider}: {embed.title}]")
    assert out.count("[YouTube: Video trên YouTube]") == 2  # a player's own title says nothing: ours is used
    assert "<p>Trang: <a href" in out and "maps/place/x" in out  # a link inside a sentence, and a map link, stay


def test_scripts_and_other_iframes_are_refused_with_their_line():
    body = "Dòng một.\n<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n<SCRIPT src=x.js></SCRIPT>\n" \
           '<iframe src="https://docs.google.com/forms/d/e/x/viewform"></iframe>\n'
    problems = embed_problems(body)
    assert [line for line, _ in problems] == [3, 4]
    assert "docs.google.com" in problems[1][1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    body = ("Các bé biểu diễn văn nghệ.\n\n"
            '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" '
            'title="Văn nghệ chào mừng 20/11" frameborder="0" allowfullscreen></iframe>\n\n'
            "https://www.facebook.com/mnhoasen/videos/123456789/\n\n"
            '<iframe src="https://www.google.com/maps/embed?pb=!1m18" width="600" height="450"></iframe>\n')
    post = front({"title": "Văn nghệ chào mừng ngày 20/11", "date": "2025-11-20 09:00", "categories": ["Tin tức"]}, body)
    root = make_site(tmp_path_factory.mktemp("truong"), {**good_content(), "news/2025-11-20-van-nghe.md": post})
    build = run_mkdocs(root)
    assert build.returncode == 0, build.output
    return build


def test_the_built_page_names_no_third_party_resource(built):
    page = built.html("tin-tuc/2025/11/van-nghe")
    resources = re.findall(r'<(?:iframe|img|script|link|source)\b[^>]*\b(?:src|href|srcset)="([^"]+)"', page)
    assert [url for url in resources if url.startswith(("http:", "https:", "//"))
            and "truong-thu.example.edu.vn" not in url] == []
    assert page.count('class="bt-embed bt-embed--video"') == 2 and page.count('class="bt-embed bt-embed--map"') == 1
    assert 'data-bt-title="Văn nghệ chào mừng 20/11"' in page and "Bấm để xem video từ YouTube ngay trên trang" in page
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">Mở trên YouTube</a>' in page
    assert (built.site / "assets" / "javascripts" / "embed.js").is_file()
