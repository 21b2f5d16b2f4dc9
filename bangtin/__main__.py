"""``python -m bangtin``: the ``bangtin`` command, for a machine where Python's scripts folder is not on PATH."""

from .cli import main

main()
