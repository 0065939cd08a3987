"""A draft as a `mailto:` URL (RFC 6068), which opens the person's mail program on a new
message with the address, the subject and the body filled in."""

from __future__ import annotations

from urllib.parse import quote

from fu_board.drafts import Draft


def _field(value: str) -> str:
    """A header field's value: every line break as CRLF (`%0D%0A`, as RFC 6068 asks of a
    body), every character but the unreserved ones percent-encoded as UTF-8. A space is
    `%20`, never `+`, which mail programs would keep as a plus."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return quote("\r\n".join(lines), safe="")


def mailto(draft: Draft) -> str:
    """`mailto:ana@acme.example?subject=...&body=...`: the address alone in the path (RFC 6068
    has no room for a name there), every character of it but the `@` and the unreserved ones
    percent-encoded (a `?`, `#`, `&`, `%` or `,` in it is not read as a delimiter); no
    address known, an empty one, for the mail program to ask."""
    return f"mailto:{quote(draft.email, safe='@')}?subject={_field(draft.subject)}&body={_field(draft.body)}"
