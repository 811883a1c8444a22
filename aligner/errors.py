"""Errors the user can act on.

Every problem with the user's input or options becomes an :class:`InputError`.
The CLI turns it into a one-line message and exit code 2; the library lets it
propagate so that API callers can catch it.
"""


class InputError(Exception):
    """Bad input or usage: the message says what is wrong and how to fix it."""


class OutputClosed(Exception):
    """Standard output was closed by its reader (``aligner ... | head``): the run
    stops quietly. Not an OSError, so that no layer mistakes it for a failure."""
