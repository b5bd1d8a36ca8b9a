//! Hostile input: placeholder, filled below.
