//! Unit tests of the diff rules.
