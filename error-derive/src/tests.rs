//! Tests of the reader and validator on parsed input, and snapshots of the expansion.
