"""Upload guards: the bearer token and a size limit enforced while the body streams in."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request


def check_token(request: Request) -> None:
    """401 unless `Authorization: Bearer <token>` matches the server's token."""
    expected = request.app.state.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if not expected:
        raise HTTPException(401, "uploads are disabled: start the server with --token or "
                                 "KST_API_TOKEN", headers={"WWW-Authenticate": "Bearer"})
    # compare_digest: no timing hint about how much of the token was right
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             expected.encode()):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def too_large(limit: int) -> HTTPException:
    return HTTPException(413, f"upload too large: the limit is {limit:,} bytes "
                              f"({limit / 1024 / 1024:.0f} MB)")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes `limit` (Content-Length may be absent
    or lie, so count what actually arrives)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + 64 * 1024:  # room for the multipart envelope around the file
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _multipart_file(body: bytes, content_type: str) -> tuple[bytes, Optional[str]]:
    """The `file` part of a multipart body (python-multipart does the parsing)."""
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        raise HTTPException(422, "multipart upload without a boundary")
    parts: list[dict] = []
    current: dict = {}
    header_field = bytearray()
    header_value = bytearray()

    def on_part_begin():
        current.clear()
        current.update(headers={}, data=bytearray())

    def on_header_field(data, start, end):
        header_field.extend(data[start:end])

    def on_header_value(data, start, end):
        header_value.extend(data[start:end])

    def on_header_end():
        current["headers"][bytes(header_field).lower()] = bytes(header_value)
        header_field.clear()
        header_value.clear()

    def on_part_data(data, start, end):
        current["data"].extend(data[start:end])

    def on_part_end():
        parts.append(dict(current))

    parser = MultipartParser(boundary, {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field,
        "on_header_value": on_header_value, "on_header_end": on_header_end,
        "on_part_data": on_part_data, "on_part_end": on_part_end})
    parser.write(body)
    parser.finalize()
    for part in parts:
        disposition = part["headers"].get(b"content-disposition", b"")
        _, opts = parse_options_header(disposition)
        if opts.get(b"name") == b"file":
            filename = opts.get(b"filename")
            return bytes(part["data"]), filename.decode("utf-8", "replace") if filename else None
    raise HTTPException(422, "multipart upload without a 'file' field")


async def read_upload(request: Request, name: Optional[str]) -> tuple[bytes, Optional[str]]:
    """(file bytes, file name) from a multipart form or a raw body; 413 over the limit."""
    limit = request.app.state.max_upload
    body = await read_body(request, limit)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        data, filename = _multipart_file(body, content_type)
    else:
        data, filename = body, name
    if len(data) > limit:
        raise too_large(limit)
    if not data:
        raise HTTPException(422, "empty upload: send the file's bytes")
    return data, filename
