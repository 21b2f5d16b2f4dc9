#!/usr/bin/env python3
"""Draw the sample school's photos and signed-scan PDFs, so the sample content is reproducible.

Run from anywhere: ``python3 scripts/make_sample_media.py`` (``--check`` only lists what is missing).

* Photos: every cover (``image:``) and inline photo (``![…](path)``) referenced by ``news/*.md`` and
  ``clubs/*.md`` is drawn with Pillow as a simple, colourful cartoon scene (1200×800 JPEG, quality 80).
  No photo shows a face or a name: children are small figures seen from behind.
* PDFs: every ``attachments:`` entry of ``plans/*.md`` becomes a one-page black-and-white "signed scan"
  of the document's first page (header, title, opening lines, Nơi nhận, signer block and stamp),
  laid out after Nghị định 30/2020/NĐ-CP, drawn from the plan's own front-matter.

Output is deterministic for a given Pillow version and font: random choices are seeded by file path.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
W, H = 1200, 800
JPEG_QUALITY = 80
MAX_JPEG_BYTES = 80_000

RGB = tuple[int, int, int]
Scene = Callable[[ImageDraw.ImageDraw, random.Random], None]

# --------------------------------------------------------------------------------------------------
# Palette and small drawing helpers
# --------------------------------------------------------------------------------------------------

SKY = (167, 216, 245)
GRASS = (126, 196, 98)
WALL = (252, 236, 206)
FLOOR = (214, 178, 134)
WHITE = (255, 255, 255)
INK = (52, 58, 74)
BRIGHT: list[RGB] = [
    (239, 83, 80), (255, 167, 38), (255, 213, 79), (102, 187, 106),
    (41, 182, 246), (92, 107, 192), (171, 71, 188), (236, 64, 122),
]
SHIRTS: list[RGB] = [(239, 83, 80), (41, 182, 246), (255, 202, 40), (102, 187, 106), (171, 71, 188)]
HAIR: list[RGB] = [(40, 30, 25), (60, 42, 30), (30, 24, 22)]


def vgradient(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: RGB, bottom: RGB) -> None:
    x0, y0, x1, y1 = box
    steps = max(1, (y1 - y0) // 8)
    for i in range(steps):
        t = i / max(1, steps - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.rectangle((x0, y0 + i * 8, x1, min(y1, y0 + (i + 1) * 8)), fill=colour)


def sky_and_ground(draw: ImageDraw.ImageDraw, horizon: int = 520, ground: RGB = GRASS) -> None:
    vgradient(draw, (0, 0, W, horizon), (120, 196, 240), (200, 232, 250))
    draw.rectangle((0, horizon, W, H), fill=ground)


def room(draw: ImageDraw.ImageDraw, wall: RGB = WALL, floor: RGB = FLOOR, horizon: int = 520) -> None:
    draw.rectangle((0, 0, W, horizon), fill=wall)
    draw.rectangle((0, horizon, W, H), fill=floor)
    draw.rectangle((0, horizon - 14, W, horizon), fill=tuple(max(0, c - 40) for c in wall))


def sun(draw: ImageDraw.ImageDraw, x: int, y: int, r: int = 60) -> None:
    for k in range(12):
        a = k * math.pi / 6
        draw.line((x + math.cos(a) * (r + 12), y + math.sin(a) * (r + 12),
                   x + math.cos(a) * (r + 40), y + math.sin(a) * (r + 40)), fill=(255, 200, 40), width=8)
    draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 213, 79))


def cloud(draw: ImageDraw.ImageDraw, x: int, y: int, s: float = 1.0) -> None:
    for dx, dy, r in ((0, 0, 40), (45, -20, 50), (95, 0, 42), (50, 15, 45)):
        draw.ellipse((x + dx * s - r * s, y + dy * s - r * s, x + dx * s + r * s, y + dy * s + r * s), fill=WHITE)


def child(draw: ImageDraw.ImageDraw, x: int, y: int, s: float, rng: random.Random) -> None:
    """A small child seen from behind: no face, no features, only hair, shirt and legs."""
    shirt = rng.choice(SHIRTS)
    hair = rng.choice(HAIR)
    leg = (70, 80, 110)
    draw.rectangle((x - 14 * s, y + 40 * s, x - 4 * s, y + 80 * s), fill=leg)
    draw.rectangle((x + 4 * s, y + 40 * s, x + 14 * s, y + 80 * s), fill=leg)
    draw.rounded_rectangle((x - 26 * s, y - 10 * s, x + 26 * s, y + 48 * s), radius=int(14 * s), fill=shirt)
    draw.ellipse((x - 24 * s, y - 56 * s, x + 24 * s, y - 6 * s), fill=hair)
    if rng.random() < 0.5:  # a ponytail or a bow
        draw.ellipse((x + 14 * s, y - 50 * s, x + 30 * s, y - 34 * s), fill=rng.choice(BRIGHT))


def adult(draw: ImageDraw.ImageDraw, x: int, y: int, s: float, rng: random.Random, colour: RGB | None = None) -> None:
    """An adult seen from behind (a teacher or a parent), again without any face."""
    body = colour or rng.choice([(92, 107, 192), (0, 137, 123), (216, 67, 21), (94, 53, 177), (120, 144, 156)])
    draw.rectangle((x - 18 * s, y + 70 * s, x - 4 * s, y + 140 * s), fill=(60, 60, 80))
    draw.rectangle((x + 4 * s, y + 70 * s, x + 18 * s, y + 140 * s), fill=(60, 60, 80))
    draw.rounded_rectangle((x - 34 * s, y - 10 * s, x + 34 * s, y + 80 * s), radius=int(18 * s), fill=body)
    draw.ellipse((x - 24 * s, y - 62 * s, x + 24 * s, y - 8 * s), fill=rng.choice(HAIR))


def balloon(draw: ImageDraw.ImageDraw, x: int, y: int, r: int, colour: RGB) -> None:
    draw.line((x, y + r, x + 6, y + r + 90), fill=(120, 120, 120), width=2)
    draw.ellipse((x - r, y - r * 1.2, x + r, y + r), fill=colour)
    draw.ellipse((x - r * 0.45, y - r * 0.8, x - r * 0.15, y - r * 0.4), fill=WHITE)


def bunting(draw: ImageDraw.ImageDraw, y: int, rng: random.Random) -> None:
    draw.line((0, y, W, y + 20), fill=(90, 90, 90), width=3)
    for i in range(0, W, 60):
        yy = y + 20 * i / W
        draw.polygon([(i, yy), (i + 50, yy + 2), (i + 25, yy + 50)], fill=rng.choice(BRIGHT))


def table(draw: ImageDraw.ImageDraw, x0: int, y0: int, x1: int, colour: RGB = (161, 110, 70)) -> None:
    draw.rectangle((x0, y0, x1, y0 + 26), fill=colour)
    draw.rectangle((x0 + 20, y0 + 26, x0 + 40, y0 + 160), fill=tuple(c - 30 for c in colour))
    draw.rectangle((x1 - 40, y0 + 26, x1 - 20, y0 + 160), fill=tuple(c - 30 for c in colour))


def glass(draw: ImageDraw.ImageDraw, x: int, y: int, water: RGB) -> None:
    draw.polygon([(x - 60, y - 170), (x + 60, y - 170), (x + 48, y), (x - 48, y)], fill=(230, 243, 250))
    draw.polygon([(x - 55, y - 120), (x + 55, y - 120), (x + 48, y), (x - 48, y)], fill=water)
    draw.line((x - 60, y - 170, x - 48, y), fill=(150, 180, 200), width=4)
    draw.line((x + 60, y - 170, x + 48, y), fill=(150, 180, 200), width=4)


def blank_sign(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], colour: RGB) -> None:
    """A banner or poster: coloured panel with pale stripes standing for text (no legible words)."""
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=14, fill=colour)
    lines = max(1, (y1 - y0 - 30) // 34)
    for i in range(lines):
        yy = y0 + 22 + i * 34
        width = (x1 - x0 - 60) * (0.9 if i == 0 else 0.6 + 0.3 * ((i * 37) % 10) / 10)
        draw.rounded_rectangle((x0 + 30, yy, x0 + 30 + width, yy + 14), radius=7, fill=(255, 255, 255))


# --------------------------------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------------------------------


def scene_festival(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A school yard with flags, balloons and a row of children: opening-day festivities."""
    sky_and_ground(draw, 560)
    sun(draw, 1060, 110)
    cloud(draw, 160, 110)
    draw.rectangle((220, 230, 980, 560), fill=(255, 224, 178))
    draw.polygon([(190, 240), (600, 120), (1010, 240)], fill=(229, 115, 115))
    for col in range(6):
        for row in range(2):
            draw.rectangle((260 + col * 120, 280 + row * 120, 340 + col * 120, 350 + row * 120), fill=(129, 212, 250))
    draw.rectangle((560, 440, 640, 560), fill=(141, 110, 99))
    bunting(draw, 200, rng)
    for i in range(9):
        balloon(draw, 60 + i * 130 + rng.randint(-20, 20), 360 + rng.randint(-60, 40), 34, rng.choice(BRIGHT))
    for i in range(10):
        child(draw, 90 + i * 115, 650 + rng.randint(-6, 6), 1.2, rng)


def scene_balloons(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    sky_and_ground(draw, 640)
    cloud(draw, 140, 140, 1.2)
    cloud(draw, 820, 90)
    for _ in range(26):
        balloon(draw, rng.randint(40, 1160), rng.randint(80, 470), rng.randint(24, 44), rng.choice(BRIGHT))
    for i in range(8):
        child(draw, 120 + i * 135, 700, 1.1, rng)


def scene_stage(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A performance seen from the audience: curtains, a stage, small dancers far away."""
    draw.rectangle((0, 0, W, H), fill=(60, 40, 70))
    draw.rectangle((120, 120, 1080, 520), fill=(255, 236, 179))
    for x0, x1 in ((0, 220), (980, W)):
        for k in range(0, 220, 40):
            draw.rectangle((x0 + k, 0, x0 + k + 30, 560), fill=(183, 28, 28) if (k // 40) % 2 else (211, 47, 47))
    draw.rectangle((0, 0, W, 110), fill=(198, 40, 40))
    blank_sign(draw, (360, 150, 840, 250), (255, 143, 0))
    draw.rectangle((100, 520, 1100, 570), fill=(121, 85, 72))
    for i in range(6):
        child(draw, 330 + i * 108, 430, 0.9, rng)
    draw.rectangle((0, 570, W, H), fill=(45, 30, 55))
    for i in range(7):
        adult(draw, 90 + i * 170, 690, 0.9, rng)


def scene_egg(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Two glasses of water on a table: the egg sinks in one and floats in the other."""
    room(draw, (255, 243, 224), (188, 170, 164), 470)
    blank_sign(draw, (80, 70, 420, 250), (66, 165, 245))
    table(draw, 150, 500, 1050)
    glass(draw, 450, 500, (179, 229, 252))
    glass(draw, 750, 500, (129, 212, 250))
    draw.ellipse((420, 440, 480, 495), fill=(255, 236, 210))
    draw.ellipse((720, 340, 780, 395), fill=(255, 236, 210))
    draw.ellipse((930, 470, 990, 500), fill=WHITE)  # a saucer of salt
    for _ in range(20):
        x, y = rng.randint(935, 985), rng.randint(470, 490)
        draw.point((x, y), fill=(200, 200, 200))
    for i in range(4):
        child(draw, 260 + i * 220, 720, 1.0, rng)


def scene_volcano(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A clay volcano bubbling over with red 'lava' on a tray."""
    room(draw, (232, 245, 233), (215, 204, 200), 480)
    table(draw, 120, 560, 1080, (141, 110, 99))
    draw.ellipse((250, 510, 950, 600), fill=(176, 190, 197))
    draw.polygon([(330, 560), (540, 260), (660, 260), (870, 560)], fill=(121, 85, 72))
    draw.polygon([(540, 260), (660, 260), (640, 300), (560, 300)], fill=(93, 64, 55))
    for _ in range(40):
        x = rng.randint(520, 680)
        y = rng.randint(120, 280)
        r = rng.randint(12, 30)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(229, 57, 53), (244, 81, 30), (255, 112, 67)]))
    for side in (-1, 1):
        pts = [(600 + side * 40, 280), (600 + side * 120, 400), (600 + side * 170, 540), (600 + side * 110, 540)]
        draw.line(pts, fill=(229, 57, 53), width=36, joint="curve")
    for i in range(3):
        child(draw, 170 + i * 430, 720, 1.0, rng)


def scene_rainbow_plate(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Top view of a white plate where coloured candy dissolves into rainbow bands."""
    draw.rectangle((0, 0, W, H), fill=(255, 224, 178))
    for i in range(0, W, 80):
        draw.line((i, 0, i, H), fill=(255, 213, 160), width=3)
    cx, cy = 600, 400
    draw.ellipse((cx - 340, cy - 340, cx + 340, cy + 340), fill=(236, 239, 241))
    draw.ellipse((cx - 300, cy - 300, cx + 300, cy + 300), fill=WHITE)
    colours = BRIGHT + BRIGHT[:4]
    n = len(colours)
    for k, colour in enumerate(colours):
        a0 = 360 * k / n
        draw.pieslice((cx - 280, cy - 280, cx + 280, cy + 280), a0, a0 + 360 / n - 4, fill=colour)
    draw.ellipse((cx - 120, cy - 120, cx + 120, cy + 120), fill=(250, 250, 250))
    for k, colour in enumerate(colours):
        a = 2 * math.pi * (k + 0.5) / n
        x, y = cx + math.cos(a) * 300, cy + math.sin(a) * 300
        draw.ellipse((x - 18, y - 18, x + 18, y + 18), fill=colour, outline=WHITE, width=3)


def scene_training(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Teachers in a training session facing a large interactive screen."""
    room(draw, (227, 242, 253), (176, 190, 197), 560)
    draw.rounded_rectangle((280, 70, 920, 430), radius=18, fill=(38, 50, 56))
    draw.rectangle((305, 95, 895, 405), fill=(224, 247, 250))
    shapes = [(360, 140, 480, 260), (520, 140, 640, 260), (680, 140, 800, 260)]
    for box, colour in zip(shapes, (BRIGHT[0], BRIGHT[3], BRIGHT[4])):
        draw.rounded_rectangle(box, radius=16, fill=colour)
    draw.ellipse((400, 290, 500, 390), fill=BRIGHT[1])
    draw.polygon([(620, 390), (680, 290), (740, 390)], fill=BRIGHT[6])
    draw.rectangle((590, 430, 610, 560), fill=(69, 90, 100))
    for row in range(2):
        for i in range(6):
            adult(draw, 130 + i * 190 + row * 60, 560 + row * 90, 0.75 + row * 0.1, rng)


def scene_meeting(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A meeting hall: a red banner with pale stripes (no legible text), a lectern, rows of people."""
    room(draw, (255, 248, 225), (161, 136, 127), 470)
    blank_sign(draw, (140, 50, 1060, 190), (198, 40, 40))
    draw.polygon([(560, 230), (640, 230), (625, 400), (575, 400)], fill=(121, 85, 72))
    for x in (200, 1000):
        draw.ellipse((x - 70, 260, x + 70, 400), fill=(102, 187, 106))
        draw.rectangle((x - 30, 400, x + 30, 470), fill=(230, 74, 25))
    for row in range(3):
        for i in range(7):
            adult(draw, 100 + i * 170 + (row % 2) * 60, 520 + row * 95, 0.62 + row * 0.12, rng)


def scene_phone(draw: ImageDraw.ImageDraw, rng: random.Random, lock: bool = False) -> None:
    """A big smartphone with app tiles; optionally a padlock and shield (privacy)."""
    vgradient(draw, (0, 0, W, H), (178, 235, 242), (225, 245, 254))
    for _ in range(10):
        x, y, r = rng.randint(0, W), rng.randint(0, H), rng.randint(20, 60)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(200, 240, 246))
    draw.rounded_rectangle((430, 60, 770, 740), radius=44, fill=(38, 50, 56))
    draw.rounded_rectangle((452, 110, 748, 690), radius=18, fill=(250, 250, 250))
    for row in range(4):
        for col in range(3):
            x, y = 480 + col * 92, 140 + row * 100
            draw.rounded_rectangle((x, y, x + 68, y + 68), radius=16, fill=rng.choice(BRIGHT))
    if lock:
        draw.rounded_rectangle((860, 330, 1060, 560), radius=24, fill=(255, 179, 0))
        draw.arc((890, 220, 1030, 380), 180, 360, fill=(255, 179, 0), width=26)
        draw.ellipse((945, 410, 975, 440), fill=INK)
        draw.rectangle((953, 430, 967, 480), fill=INK)
        draw.polygon([(150, 300), (290, 250), (430 - 40, 300), (370, 480), (270, 560), (170, 480)],
                     fill=(67, 160, 71))
        draw.line([(215, 400), (260, 450), (340, 350)], fill=WHITE, width=22, joint="curve")
    else:
        for i in range(3):
            x, y = 150 + i * 40, 200 + i * 170
            draw.rounded_rectangle((x, y, x + 220, y + 110), radius=24, fill=WHITE)
            draw.rounded_rectangle((x + 20, y + 25, x + 190, y + 40), radius=7, fill=(144, 164, 174))
            draw.rounded_rectangle((x + 20, y + 60, x + 150, y + 75), radius=7, fill=(176, 190, 197))
        for i in range(3):
            x, y = 860 + (i % 2) * 60, 180 + i * 180
            draw.rounded_rectangle((x, y, x + 230, y + 110), radius=24, fill=(129, 199, 132))
            draw.rounded_rectangle((x + 20, y + 25, x + 200, y + 40), radius=7, fill=WHITE)
            draw.rounded_rectangle((x + 20, y + 60, x + 160, y + 75), radius=7, fill=WHITE)


def scene_privacy(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    scene_phone(draw, rng, lock=True)


def scene_boats(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A water tub with colourful paper boats."""
    sky_and_ground(draw, 380, (174, 213, 129))
    cloud(draw, 150, 110)
    sun(draw, 1050, 120, 50)
    draw.ellipse((120, 380, 1080, 760), fill=(2, 136, 209))
    draw.ellipse((160, 410, 1040, 730), fill=(79, 195, 247))
    for i in range(7):
        x = 260 + i * 110 + rng.randint(-20, 20)
        y = 520 + rng.randint(-60, 100)
        colour = rng.choice(BRIGHT)
        draw.polygon([(x - 60, y), (x + 60, y), (x + 40, y + 30), (x - 40, y + 30)], fill=colour)
        draw.polygon([(x - 10, y), (x - 10, y - 70), (x + 40, y)], fill=WHITE)
        for _ in range(rng.randint(0, 4)):
            px, py = x + rng.randint(-30, 30), y + rng.randint(5, 20)
            draw.ellipse((px - 6, py - 6, px + 6, py + 6), fill=(120, 120, 120))


def scene_cars(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Balloon-powered cars made from milk cartons at a starting line."""
    draw.rectangle((0, 0, W, H), fill=(207, 216, 220))
    draw.rectangle((0, 420, W, H), fill=(120, 144, 156))
    for i in range(0, W, 100):
        draw.rectangle((i, 590, i + 50, 602), fill=WHITE)
    draw.rectangle((140, 420, 160, 800), fill=WHITE)
    for i in range(4):
        y = 450 + i * 85
        x = 200 + rng.randint(0, 40)
        body = rng.choice(BRIGHT)
        draw.rounded_rectangle((x, y, x + 170, y + 50), radius=10, fill=body)
        for wx in (x + 25, x + 135):
            draw.ellipse((wx - 20, y + 35, wx + 20, y + 75), fill=(33, 33, 33))
            draw.ellipse((wx - 8, y + 47, wx + 8, y + 63), fill=(189, 189, 189))
        draw.ellipse((x - 90, y - 40, x + 10, y + 40), fill=rng.choice(BRIGHT))
    for i in range(5):
        adult(draw, 600 + i * 120, 230, 1.0, rng)
        child(draw, 650 + i * 120, 330, 0.8, rng)


def scene_chart(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A report: bar chart on a board, a trophy and stars."""
    room(draw, (237, 231, 246), (197, 202, 233), 560)
    draw.rounded_rectangle((120, 80, 760, 500), radius=16, fill=WHITE)
    draw.line((170, 450, 720, 450), fill=INK, width=5)
    draw.line((170, 450, 170, 120), fill=INK, width=5)
    for i, h in enumerate((120, 190, 250, 300, 270)):
        draw.rectangle((210 + i * 100, 450 - h, 280 + i * 100, 450), fill=BRIGHT[(i + 3) % len(BRIGHT)])
    draw.polygon([(880, 180), (1060, 180), (1030, 320), (910, 320)], fill=(255, 193, 7))
    draw.arc((830, 190, 930, 280), 90, 270, fill=(255, 193, 7), width=14)
    draw.arc((1010, 190, 1110, 280), 270, 90, fill=(255, 193, 7), width=14)
    draw.rectangle((950, 320, 990, 400), fill=(255, 160, 0))
    draw.rectangle((900, 400, 1040, 440), fill=(121, 85, 72))
    for _ in range(8):
        x, y = rng.randint(800, 1150), rng.randint(470, 760)
        r = rng.randint(16, 28)
        pts = [(x + r * math.cos(math.pi / 2 + k * math.pi * 2 / 5 * 2), y - r * math.sin(math.pi / 2 + k * math.pi * 2 / 5 * 2))
               for k in range(5)]
        draw.polygon(pts, fill=(255, 214, 0))


def scene_notice(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A cork notice board with pinned papers."""
    draw.rectangle((0, 0, W, H), fill=(255, 248, 225))
    draw.rounded_rectangle((100, 60, 1100, 740), radius=20, fill=(141, 110, 99))
    draw.rounded_rectangle((130, 90, 1070, 710), radius=12, fill=(215, 168, 110))
    for _ in range(400):
        x, y = rng.randint(140, 1060), rng.randint(100, 700)
        draw.point((x, y), fill=(190, 145, 92))
    papers = [(180, 130, 480, 420), (520, 120, 820, 330), (860, 150, 1030, 400), (540, 370, 880, 670), (200, 460, 480, 680)]
    for box in papers:
        x0, y0, x1, y1 = box
        draw.rectangle((x0 + 8, y0 + 8, x1 + 8, y1 + 8), fill=(160, 120, 80))
        colour = rng.choice([WHITE, (255, 249, 196), (225, 245, 254), (252, 228, 236)])
        draw.rectangle(box, fill=colour)
        for i in range(y0 + 50, y1 - 20, 32):
            draw.rounded_rectangle((x0 + 24, i, x1 - 24 - rng.randint(0, 80), i + 10), radius=5, fill=(176, 190, 197))
        draw.rounded_rectangle((x0 + 24, y0 + 18, x1 - 60, y0 + 34), radius=8, fill=rng.choice(BRIGHT))
        draw.ellipse(((x0 + x1) / 2 - 12, y0 - 6, (x0 + x1) / 2 + 12, y0 + 18), fill=(229, 57, 53))


def scene_robot(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A grid mat with a small robot, a house and a tree, and arrow command cards beside it."""
    draw.rectangle((0, 0, W, H), fill=(255, 243, 224))
    x0, y0, cell = 90, 90, 104
    for r in range(6):
        for c in range(6):
            colour = (200, 230, 201) if (r + c) % 2 else (232, 245, 233)
            draw.rectangle((x0 + c * cell, y0 + r * cell, x0 + (c + 1) * cell, y0 + (r + 1) * cell), fill=colour,
                           outline=(165, 214, 167), width=2)
    draw.rectangle((x0 + 2 * cell, y0 + 3 * cell, x0 + 3 * cell, y0 + 5 * cell), fill=(100, 181, 246))
    hx, hy = x0 + 5 * cell, y0
    draw.rectangle((hx + 20, hy + 45, hx + 84, hy + 95), fill=(255, 183, 77))
    draw.polygon([(hx + 10, hy + 50), (hx + 52, hy + 10), (hx + 94, hy + 50)], fill=(229, 57, 53))
    tx, ty = x0 + cell, y0 + cell
    draw.rectangle((tx + 45, ty + 55, tx + 60, ty + 95), fill=(121, 85, 72))
    draw.ellipse((tx + 15, ty + 5, tx + 90, ty + 70), fill=(67, 160, 71))
    rx, ry = x0 + 0 * cell, y0 + 5 * cell
    draw.rounded_rectangle((rx + 14, ry + 14, rx + 90, ry + 90), radius=30, fill=(255, 202, 40))
    draw.ellipse((rx + 30, ry + 36, rx + 46, ry + 52), fill=INK)
    draw.ellipse((rx + 58, ry + 36, rx + 74, ry + 52), fill=INK)
    draw.rectangle((rx + 40, ry + 64, rx + 64, ry + 70), fill=INK)
    arrows = ["up", "up", "right", "up", "right", "right", "up", "up"]
    for i, a in enumerate(arrows):
        cx, cy = 800 + (i % 2) * 170, 110 + (i // 2) * 160
        draw.rounded_rectangle((cx, cy, cx + 140, cy + 130), radius=16, fill=BRIGHT[(i + 4) % len(BRIGHT)])
        mx, my = cx + 70, cy + 65
        if a == "up":
            draw.polygon([(mx, my - 40), (mx - 32, my), (mx - 12, my), (mx - 12, my + 40), (mx + 12, my + 40),
                          (mx + 12, my), (mx + 32, my)], fill=WHITE)
        else:
            draw.polygon([(mx + 40, my), (mx, my - 32), (mx, my - 12), (mx - 40, my - 12), (mx - 40, my + 12),
                          (mx, my + 12), (mx, my + 32)], fill=WHITE)


def scene_maze(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A maze of wooden blocks with the little robot and children around it."""
    draw.rectangle((0, 0, W, H), fill=(197, 225, 165))
    draw.rounded_rectangle((160, 80, 1040, 560), radius=24, fill=(255, 236, 179))
    walls = [(160, 80, 1040, 110), (160, 530, 1040, 560), (160, 80, 190, 560), (1010, 80, 1040, 560),
             (300, 110, 330, 400), (460, 250, 490, 530), (620, 110, 650, 380), (780, 250, 810, 530),
             (330, 250, 460, 280), (650, 380, 780, 410)]
    for box in walls:
        draw.rectangle(box, fill=(188, 143, 96), outline=(141, 110, 99), width=3)
    draw.rounded_rectangle((210, 440, 280, 510), radius=24, fill=(255, 202, 40))
    draw.ellipse((225, 460, 240, 475), fill=INK)
    draw.ellipse((250, 460, 265, 475), fill=INK)
    draw.polygon([(900, 140), (960, 140), (930, 200)], fill=(229, 57, 53))
    for i in range(6):
        child(draw, 150 + i * 180, 680, 1.1, rng)


def scene_palette(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """Paint jars, a palette and natural dyes (beetroot, pandan, turmeric)."""
    draw.rectangle((0, 0, W, H), fill=(255, 253, 231))
    draw.ellipse((100, 120, 700, 560), fill=(215, 168, 110))
    draw.ellipse((180, 420, 260, 500), fill=(255, 253, 231))
    for i, colour in enumerate([(229, 57, 53), (255, 213, 79), (30, 136, 229), (255, 143, 0), (67, 160, 71), (142, 36, 170)]):
        a = math.pi * (0.9 + i * 0.22)
        x, y = 400 + math.cos(a) * 200, 330 + math.sin(a) * 140
        draw.ellipse((x - 45, y - 35, x + 45, y + 35), fill=colour)
    for i, (colour, label) in enumerate([((173, 20, 87), "beet"), ((104, 159, 56), "pandan"), ((251, 192, 45), "turmeric")]):
        x = 800 + i * 130
        draw.rounded_rectangle((x, 300, x + 100, 520), radius=18, fill=(236, 239, 241))
        draw.rounded_rectangle((x + 6, 380, x + 94, 514), radius=14, fill=colour)
        draw.rectangle((x + 10, 280, x + 90, 305), fill=(120, 144, 156))
    draw.line((120, 660, 560, 600), fill=(121, 85, 72), width=14)
    draw.ellipse((540, 585, 590, 620), fill=(229, 57, 53))
    for _ in range(14):
        x, y, r = rng.randint(650, 1150), rng.randint(580, 780), rng.randint(10, 30)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(BRIGHT))


def leaf(draw: ImageDraw.ImageDraw, x: float, y: float, size: float, angle: float, colour: RGB) -> None:
    pts = []
    for k in range(16):
        t = 2 * math.pi * k / 16
        px, py = math.cos(t) * size, math.sin(t) * size * 0.45
        pts.append((x + px * math.cos(angle) - py * math.sin(angle), y + px * math.sin(angle) + py * math.cos(angle)))
    draw.polygon(pts, fill=colour)
    draw.line((x - math.cos(angle) * size, y - math.sin(angle) * size, x + math.cos(angle) * size,
               y + math.sin(angle) * size), fill=tuple(max(0, c - 50) for c in colour), width=2)


AUTUMN: list[RGB] = [(191, 54, 12), (230, 81, 0), (249, 168, 37), (141, 110, 99), (158, 157, 36), (205, 133, 63)]


def scene_leaf_art(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A fish and a bird made of dry leaves on paper."""
    draw.rectangle((0, 0, W, H), fill=(239, 235, 233))
    draw.rectangle((60, 60, 580, 740), fill=WHITE)
    draw.rectangle((620, 60, 1140, 740), fill=(255, 253, 231))
    for k in range(14):  # fish body
        a = 2 * math.pi * k / 14
        leaf(draw, 300 + math.cos(a) * 120, 400 + math.sin(a) * 70, 48, a + math.pi / 2, rng.choice(AUTUMN))
    leaf(draw, 300, 400, 60, 0, rng.choice(AUTUMN))
    for a in (-0.5, 0.5):
        leaf(draw, 470, 400 + a * 120, 60, a, rng.choice(AUTUMN))
    draw.ellipse((200, 370, 224, 394), fill=INK)
    for k in range(8):  # bird
        leaf(draw, 880 + k * 12, 430 - k * 6, 70, -0.4 + k * 0.05, rng.choice(AUTUMN))
    for k in range(5):
        leaf(draw, 860 + k * 18, 330 - k * 22, 60, -1.2 + k * 0.2, rng.choice(AUTUMN))
    draw.ellipse((770, 360, 840, 430), fill=rng.choice(AUTUMN))
    draw.polygon([(770, 392), (735, 400), (770, 408)], fill=(255, 160, 0))
    draw.ellipse((785, 380, 800, 395), fill=INK)
    draw.line((900, 480, 880, 600), fill=(121, 85, 72), width=6)
    draw.line((940, 480, 950, 600), fill=(121, 85, 72), width=6)


def scene_leaf_mural(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A long paper banner covered in dry leaves, hung in a hall."""
    room(draw, (255, 243, 224), (188, 170, 164), 620)
    draw.rectangle((40, 140, 1160, 520), fill=(255, 253, 231), outline=(161, 136, 127), width=6)
    for _ in range(120):
        leaf(draw, rng.randint(80, 1120), rng.randint(180, 480), rng.randint(18, 40), rng.random() * math.pi,
             rng.choice(AUTUMN + [(104, 159, 56)]))
    for x in (60, 1140):
        draw.line((x, 140, x, 60), fill=(120, 120, 120), width=4)
    for i in range(7):
        child(draw, 120 + i * 160, 700, 0.95, rng)


def scene_sprouts(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A tray of sprouts on a sunny window sill."""
    draw.rectangle((0, 0, W, H), fill=(255, 248, 225))
    draw.rectangle((150, 60, 1050, 440), fill=(179, 229, 252))
    draw.line((600, 60, 600, 440), fill=WHITE, width=16)
    draw.line((150, 250, 1050, 250), fill=WHITE, width=16)
    sun(draw, 900, 160, 50)
    draw.rectangle((100, 440, 1100, 480), fill=(188, 170, 164))
    draw.rounded_rectangle((200, 520, 1000, 700), radius=20, fill=(255, 255, 255), outline=(176, 190, 197), width=6)
    for i in range(70):
        x = 230 + (i % 35) * 22 + rng.randint(-4, 4)
        base = 600 if i < 35 else 660
        h = rng.randint(40, 110)
        draw.line((x, base, x + rng.randint(-8, 8), base - h), fill=(124, 179, 66), width=5)
        leaf(draw, x, base - h, 12, rng.random(), (139, 195, 74))


def scene_classroom_projector(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A meeting room with a projector screen and parents at desks with phones."""
    room(draw, (232, 234, 246), (176, 190, 197), 520)
    draw.rectangle((330, 50, 870, 360), fill=WHITE, outline=(144, 164, 174), width=6)
    draw.rounded_rectangle((380, 90, 640, 320), radius=20, fill=(38, 50, 56))
    draw.rounded_rectangle((395, 110, 625, 300), radius=12, fill=(129, 212, 250))
    for row in range(2):
        for col in range(3):
            draw.rounded_rectangle((420 + col * 65, 130 + row * 80, 470 + col * 65, 180 + row * 80), radius=10,
                                   fill=BRIGHT[(row * 3 + col) % len(BRIGHT)])
    for i in range(3):
        draw.rounded_rectangle((680, 110 + i * 70, 840, 150 + i * 70), radius=10, fill=(197, 225, 165))
    for row in range(2):
        y = 540 + row * 130
        draw.rectangle((80, y + 40, 1120, y + 62), fill=(161, 110, 70))
        for i in range(5):
            adult(draw, 170 + i * 215 + row * 40, y - 30, 0.7, rng)


def scene_stem_fair(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A row of booths with striped roofs in the school yard."""
    sky_and_ground(draw, 470)
    cloud(draw, 120, 80)
    cloud(draw, 900, 60, 0.8)
    bunting(draw, 40, rng)
    for i in range(4):
        x = 40 + i * 290
        colour = BRIGHT[(i * 2) % len(BRIGHT)]
        for k in range(5):
            draw.polygon([(x + k * 52, 200), (x + (k + 1) * 52, 200), (x + (k + 1) * 52, 250), (x + k * 52, 250)],
                         fill=colour if k % 2 == 0 else WHITE)
        draw.rectangle((x + 10, 250, x + 250, 460), fill=(255, 248, 225))
        draw.rectangle((x, 380, x + 260, 470), fill=tuple(max(0, c - 30) for c in colour))
        for _ in range(3):
            ox = x + rng.randint(30, 220)
            draw.ellipse((ox - 18, 340, ox + 18, 376), fill=rng.choice(BRIGHT))
    for i in range(11):
        child(draw, 60 + i * 105 + rng.randint(-10, 10), 640 + rng.randint(-20, 30), 1.0, rng)
    for i in range(3):
        adult(draw, 250 + i * 350, 560, 0.85, rng)


SCENES: dict[str, Scene] = {
    name.removeprefix("scene_"): fn for name, fn in globals().items() if name.startswith("scene_") and callable(fn)
}

# Which scene each referenced photo shows (path relative to the repository root). A photo that is
# referenced but not listed here gets a scene chosen from its path, and a warning.
PHOTO_SCENES: dict[str, str] = {
    "news/khai-giang-2024/cover.jpg": "festival",
    "news/khai-giang-2024/anh-1.jpg": "balloons",
    "news/clb-be-yeu-khoa-hoc/cover.jpg": "egg",
    "news/clb-be-yeu-khoa-hoc/anh-1.jpg": "egg@330,240,870,600",
    "news/be-lam-nha-khoa-hoc/cover.jpg": "volcano",
    "news/be-lam-nha-khoa-hoc/anh-1.jpg": "volcano@300,100,900,500",
    "news/be-lam-nha-khoa-hoc/anh-2.jpg": "rainbow_plate",
    "news/tap-huan-bai-giang-dien-tu/cover.jpg": "training",
    "news/nghi-quyet-57/cover.jpg": "meeting",
    "news/binh-dan-hoc-vu-so/cover.jpg": "phone",
    "news/ngay-hoi-stem-2025/cover.jpg": "stem_fair",
    "news/ngay-hoi-stem-2025/anh-1.jpg": "boats",
    "news/ngay-hoi-stem-2025/anh-2.jpg": "cars",
    "news/tong-ket-stem-2025/cover.jpg": "chart",
    "news/tuyen-sinh-2025/cover.jpg": "notice",
    "news/khai-giang-2025/cover.jpg": "festival",
    "news/khai-giang-2025/anh-1.jpg": "stage",
    "news/clb-ky-su-nhi/cover.jpg": "maze",
    "news/clb-ky-su-nhi/anh-1.jpg": "robot",
    "news/hoa-si-ti-hon-buoi-dau/cover.jpg": "palette",
    "news/hoa-si-ti-hon-buoi-dau/anh-1.jpg": "palette@720,220,1200,540",
    "news/so-lien-lac-dien-tu/cover.jpg": "phone",
    "news/chia-se-anh-an-toan/cover.jpg": "privacy",
    "news/ke-hoach-thi-dua/cover.jpg": "meeting",
    "news/ngay-hoi-stem/cover.jpg": "stem_fair",
    "news/ngay-hoi-stem/anh-1.jpg": "maze",
    "news/ngay-hoi-stem/anh-2.jpg": "volcano@200,80,1000,613",
    "news/ngay-hoi-stem/anh-3.jpg": "leaf_mural",
    "news/lop-binh-dan-hoc-vu-so/cover.jpg": "classroom_projector",
    "news/lop-binh-dan-hoc-vu-so/anh-1.jpg": "classroom_projector@300,30,900,430",
    "news/tranh-la-kho/cover.jpg": "leaf_art@60,200,580,547",
    "news/tranh-la-kho/anh-1.jpg": "leaf_art",
    "news/so-ket-hoc-ky-1/cover.jpg": "meeting",
    "news/rau-mam/cover.jpg": "sprouts",
    "news/ngay-hoi-stem-2027/cover.jpg": "notice",
    "clubs/be-yeu-khoa-hoc.jpg": "egg",
    "clubs/ky-su-nhi.jpg": "robot",
    "clubs/hoa-si-ti-hon.jpg": "palette",
}


def seed_of(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def draw_photo(rel: str, scene: str) -> Image.Image:
    """Draw a scene; ``name@x0,y0,x1,y1`` draws the scene and keeps only that box, like a closer shot."""
    name, _, crop = scene.partition("@")
    image = Image.new("RGB", (W, H), WHITE)
    SCENES[name](ImageDraw.Draw(image), random.Random(seed_of(rel)))
    if crop:
        box = tuple(int(v) for v in crop.split(","))
        image = image.crop(box).resize((W, H), Image.Resampling.LANCZOS)
    return image


def save_jpeg(image: Image.Image, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    quality = JPEG_QUALITY
    while True:
        image.save(path, "JPEG", quality=quality, optimize=True, progressive=True)
        size = path.stat().st_size
        if size <= MAX_JPEG_BYTES or quality <= 50:
            return size
        quality -= 5


# --------------------------------------------------------------------------------------------------
# Reading the content
# --------------------------------------------------------------------------------------------------

FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
INLINE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def read_page(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    if not match:
        return {}, text
    return yaml.safe_load(match[1]) or {}, match[2]


def referenced_photos() -> list[str]:
    photos: list[str] = []
    for folder in ("news", "clubs"):
        for page in sorted((ROOT / folder).glob("*.md")):
            meta, body = read_page(page)
            refs = [meta["image"]] if meta.get("image") else []
            refs += INLINE.findall(body)
            for ref in refs:
                if "://" in ref:
                    continue
                rel = (page.parent / ref).resolve().relative_to(ROOT).as_posix()
                if rel not in photos:
                    photos.append(rel)
    return photos


# --------------------------------------------------------------------------------------------------
# Signed scans (PDF)
# --------------------------------------------------------------------------------------------------

DPI = 100
PAGE = (827, 1169)  # A4 at 100 dpi
FONT_CANDIDATES = {  # Times-like first; each is used only if it has every Vietnamese letter (Liberation 1.x has not)
    "regular": ["times.ttf", "Times New Roman.ttf", "LiberationSerif-Regular.ttf", "NotoSerif-Regular.ttf",
                "DejaVuSerifCondensed.ttf", "DejaVuSerif.ttf"],
    "bold": ["timesbd.ttf", "Times New Roman Bold.ttf", "LiberationSerif-Bold.ttf", "NotoSerif-Bold.ttf",
             "DejaVuSerifCondensed-Bold.ttf", "DejaVuSerif-Bold.ttf"],
    "italic": ["timesi.ttf", "Times New Roman Italic.ttf", "LiberationSerif-Italic.ttf", "NotoSerif-Italic.ttf",
               "DejaVuSerifCondensed-Italic.ttf", "DejaVuSerif-Italic.ttf"],
}
FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path("C:/Windows/Fonts"), Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
VIETNAMESE_PROBE = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯỘỜ"
TYPE_NAMES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "HD": "Hướng dẫn",
              "TTr": "Tờ trình", "CTr": "Chương trình", "QyĐ": "Quy định"}


def covers_vietnamese(font: ImageFont.FreeTypeFont) -> bool:
    def shape(text: str) -> tuple[tuple[int, int], bytes]:
        mask = font.getmask(text)
        return mask.size, bytes(mask)

    missing = shape("\U000F0000")  # what the font draws for a character it lacks
    return all(shape(ch) != missing for ch in VIETNAMESE_PROBE)


_FONT_FILES: dict[str, Path | None] = {}


def find_font(style: str, size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    if style not in _FONT_FILES:
        _FONT_FILES[style] = None
        for name in FONT_CANDIDATES[style]:
            hits = [found for folder in FONT_DIRS if folder.is_dir() for found in sorted(folder.rglob(name))]
            if hits and covers_vietnamese(ImageFont.truetype(str(hits[0]), 20)):
                _FONT_FILES[style] = hits[0]
                break
        if _FONT_FILES[style] is None:
            print(f"warning: no {style} font with Vietnamese letters found; PDFs will show boxes", file=sys.stderr)
    found = _FONT_FILES[style]
    return ImageFont.truetype(str(found), size) if found else ImageFont.load_default(size)


def upper_vi(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def date_line(place: str, day: date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if draw.textlength(trial, font=font) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def plain_body(body: str) -> list[str]:
    """The body as plain paragraphs, as it would be printed: no Markdown marks, no tables."""
    out: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith("|") or line == "---":
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"[*_`]", "", line)
        line = re.sub(r"^-\s+", "- ", line)
        out.append(line)
    return out


BASIS_TYPES = dict(TYPE_NAMES, NQ="Nghị quyết", TT="Thông tư", NĐ="Nghị định")


def basis_lines(meta: dict) -> list[str]:
    """The "Căn cứ …;" lines printed above the body, from ``based_on``; the last one ends with a full stop."""
    lines = []
    for entry in meta.get("based_on") or []:
        item = entry if isinstance(entry, dict) else {"number": entry}
        number = str(item.get("number", ""))
        parts = re.split(r"[/-]", number)
        kind = next((BASIS_TYPES[p] for p in parts[1:] if p in BASIS_TYPES), "Công văn")
        text = f"Căn cứ {kind} số {number}"
        if item.get("issued"):
            text += f" ngày {item['issued']:%d/%m/%Y}"
        if item.get("issuer"):
            text += f" của {item['issuer']}"
        lines.append(text + ";")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def centred(draw: ImageDraw.ImageDraw, cx: int, y: int, text: str, font, underline: bool = False) -> int:
    width = draw.textlength(text, font=font)
    draw.text((cx - width / 2, y), text, font=font, fill=0)
    height = font.size if hasattr(font, "size") else 12
    if underline:
        draw.line((cx - width * 0.3, y + height + 4, cx + width * 0.3, y + height + 4), fill=0, width=1)
    return y + height + 6


def signer_blocks(meta: dict) -> list[dict]:
    if meta.get("signers"):
        return [s if isinstance(s, dict) else {"name": s} for s in meta["signers"]]
    signer = meta.get("signer")
    if isinstance(signer, dict):
        return [signer]
    if signer:
        return [{"title": "Hiệu trưởng", "name": signer}]
    return []


def draw_scan(meta: dict, body: str, rng: random.Random) -> Image.Image:
    regular, bold, italic = find_font("regular", 15), find_font("bold", 15), find_font("italic", 15)
    small, small_bold = find_font("regular", 13), find_font("bold", 13)
    big = find_font("bold", 19)
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)

    issued = meta["issued"] if isinstance(meta["issued"], date) else datetime.strptime(str(meta["issued"]), "%Y-%m-%d").date()
    parent = "UBND QUẬN LONG BIÊN" if issued < date(2025, 7, 1) else "UBND PHƯỜNG BỒ ĐỀ"
    issuer = upper_vi(meta.get("issuer") or "Trường Mầm non Hoa Sen")
    place = meta.get("place") or "Bồ Đề"
    number = str(meta.get("number", ""))
    code = number.split("/", 1)[1].split("-", 1)[0] if "/" in number else ""
    type_name = meta.get("type") or TYPE_NAMES.get(code)

    left, right = 200, 590
    y = centred(draw, left, 60, parent, small)
    y = centred(draw, left, y, issuer, small_bold, underline=True)
    y = centred(draw, left, y + 10, f"Số: {number}", small)
    if not type_name:  # công văn: trích yếu under the number
        for line in wrap(draw, meta["title"], small, 300):
            y = centred(draw, left, y, line, small)
    y2 = centred(draw, right, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", small_bold)
    y2 = centred(draw, right, y2, "Độc lập - Tự do - Hạnh phúc", bold, underline=True)
    centred(draw, right, y2 + 14, date_line(place, issued), italic)

    y = max(y, y2 + 40) + 30
    if type_name:
        y = centred(draw, PAGE[0] // 2, y, upper_vi(type_name), big)
        for line in wrap(draw, meta["title"], bold, 600):
            y = centred(draw, PAGE[0] // 2, y, line, bold)
        draw.line((PAGE[0] / 2 - 60, y + 4, PAGE[0] / 2 + 60, y + 4), fill=0, width=1)
        y += 24

    bottom = PAGE[1] - 370
    paragraphs = plain_body(body)
    decision = type_name == "Quyết định"
    if decision and paragraphs and paragraphs[0].isupper():  # the authority line comes before the căn cứ lines
        paragraphs = paragraphs[:1] + basis_lines(meta) + paragraphs[1:]
    else:
        paragraphs = basis_lines(meta) + paragraphs
    for paragraph in paragraphs:
        for line in wrap(draw, paragraph, regular, 680):
            if y > bottom:
                break
            if decision and line.isupper():
                centred(draw, PAGE[0] // 2, y, line, bold)
            else:
                draw.text((80, y), line, font=regular, fill=0)
            y += 21
        y += 4
        if y > bottom:
            break

    # Signer block(s) on the right (two side by side for a joint plan), Nơi nhận on the left or below
    blocks = signer_blocks(meta)
    recipients = list(meta.get("recipients") or []) + ["Lưu: VT."]
    top = PAGE[1] - 300
    if len(blocks) >= 2:
        for cx, block in zip((210, 600), blocks[:2]):
            signature(draw, cx, top - 40, block, rng, stamp=block is blocks[0], fonts=(small_bold, bold))
        recipients_at(draw, 70, PAGE[1] - 120, recipients, width=680)
    else:
        for block in blocks:
            signature(draw, 600, top, block, rng, stamp=True, fonts=(small_bold, bold))
        recipients_at(draw, 70, top, recipients, width=300)

    # make it look scanned: a slight tilt and a little dust, then black and white
    page = page.rotate(rng.uniform(-0.6, 0.6), resample=Image.Resampling.BICUBIC, fillcolor=255)
    dust = ImageDraw.Draw(page)
    for _ in range(60):
        x, yy = rng.randint(0, PAGE[0] - 1), rng.randint(0, PAGE[1] - 1)
        dust.point((x, yy), fill=0)
    return page.point(lambda v: 0 if v < 150 else 255).convert("1")


def signer_title_lines(block: dict) -> list[str]:
    """"KT. HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG", or just "HIỆU TRƯỞNG" (ND 30/2020, Phụ lục I §II.7)."""
    if block.get("authority"):
        return [upper_vi(f"{block['authority']} {block.get('on_behalf_of', '')}".strip()), upper_vi(block.get("title", ""))]
    return [upper_vi(block.get("title", ""))]


def signature(draw: ImageDraw.ImageDraw, cx: int, y: int, block: dict, rng: random.Random, stamp: bool, fonts) -> None:
    title_font, name_font = fonts
    for line in signer_title_lines(block):
        y = centred(draw, cx, y, line, title_font)
    stamp_and_signature(draw, cx, y + 10, rng, stamp)
    centred(draw, cx, y + 150, block.get("name", ""), name_font)


def recipients_at(draw: ImageDraw.ImageDraw, x: int, y: int, recipients: list[str], width: int) -> None:
    head, font = find_font("bold", 12), find_font("regular", 11)
    draw.text((x, y), "Nơi nhận:", font=head, fill=0)
    y += 18
    for i, recipient in enumerate(recipients):
        end = "" if i == len(recipients) - 1 else ";"
        for line in wrap(draw, f"- {recipient}{end}", font, width):
            draw.text((x, y), line, font=font, fill=0)
            y += 15


def stamp_and_signature(draw: ImageDraw.ImageDraw, cx: int, y: int, rng: random.Random, stamp: bool) -> None:
    if stamp:
        sx, sy, r = cx - 45, y + 62, 58
        draw.ellipse((sx - r, sy - r, sx + r, sy + r), outline=110, width=3)
        draw.ellipse((sx - r + 10, sy - r + 10, sx + r - 10, sy + r - 10), outline=110, width=2)
        star = [(sx + 16 * math.cos(math.pi / 2 + k * 4 * math.pi / 5), sy - 16 * math.sin(math.pi / 2 + k * 4 * math.pi / 5))
                for k in range(5)]
        draw.polygon(star, fill=110)
    points = []
    x = cx - 60
    for k in range(14):
        points.append((x + k * 9, y + 70 + rng.randint(-18, 18)))
    draw.line(points, fill=0, width=2, joint="curve")
    draw.line((cx - 70, y + 95, cx + 70, y + 85), fill=0, width=2)


def attachments() -> list[tuple[Path, dict, str]]:
    found = []
    for page in sorted((ROOT / "plans").glob("*.md")):
        meta, body = read_page(page)
        for name in meta.get("attachments") or []:
            if str(name).lower().endswith(".pdf"):
                found.append((page.parent / name, meta, body))
    return found


def save_pdf(image: Image.Image, path: Path, meta: dict) -> int:
    issued = meta["issued"]
    moment = datetime(issued.year, issued.month, issued.day, 16, 0, 0)
    image.save(path, "PDF", resolution=DPI, title=f"{meta.get('number', '')} {meta['title']}",
               author=meta.get("issuer") or "Trường Mầm non Hoa Sen", subject="Bản scan có chữ ký (mẫu)",
               creator="scripts/make_sample_media.py", producer="Pillow", creationDate=moment.timetuple(), modDate=moment.timetuple())
    return path.stat().st_size


# --------------------------------------------------------------------------------------------------


def scene_for(rel: str) -> str:
    if rel in PHOTO_SCENES:
        return PHOTO_SCENES[rel]
    names = sorted(SCENES)
    for name in names:
        if name.split("_")[0] in rel:
            return name
    return names[seed_of(rel) % len(names)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report referenced files that are missing")
    args = parser.parse_args(argv)

    photos = referenced_photos()
    scans = attachments()
    if args.check:
        missing = [p for p in photos if not (ROOT / p).is_file()]
        missing += [p.relative_to(ROOT).as_posix() for p, _, _ in scans if not p.is_file()]
        for item in missing:
            print(f"missing: {item}")
        return 1 if missing else 0

    total = 0
    for rel in photos:
        if rel not in PHOTO_SCENES:
            print(f"note: {rel} has no scene in PHOTO_SCENES; using “{scene_for(rel)}”", file=sys.stderr)
        size = save_jpeg(draw_photo(rel, scene_for(rel)), ROOT / rel)
        total += size
        print(f"{rel}\t{size // 1024} KB\t{scene_for(rel)}")
    for path, meta, body in scans:
        size = save_pdf(draw_scan(meta, body, random.Random(seed_of(path.name))), path, meta)
        total += size
        print(f"{path.relative_to(ROOT).as_posix()}\t{size // 1024} KB")
    unused = sorted(set(PHOTO_SCENES) - set(photos))
    for rel in unused:
        print(f"note: {rel} is listed in PHOTO_SCENES but no page references it", file=sys.stderr)
    print(f"total\t{total // 1024} KB in {len(photos)} photos and {len(scans)} PDFs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
