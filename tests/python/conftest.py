"""The Python tests of contractc's `python` target, run by `cargo test` (tests/python.rs).

`tests/python.rs` generates the packages first: `contracts` from `schemas/` and
`everything_contracts` from `tests/fixtures/codegen/everything/catalog`, and puts them on
`PYTHONPATH` (and `MYPYPATH`).
"""
