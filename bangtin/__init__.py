"""Bảng tin: the engine behind a Vietnamese school's innovation website."""
