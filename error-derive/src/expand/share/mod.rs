//! The passes that let errors share generated code, so that a catalog of thousands of errors
//! compiles in time proportional to its size and is mostly checked once per shape:
//!
//! - [`constants`]: values many descriptors hold (the module, field lists, statuses), each
//!   declared once as a constant;
//! - [`base`]: the `__BASE` descriptor of the values most errors have, which each descriptor
//!   names for what it does not spell out;
//! - [`errcode_table`]: the errcodes, in index order, from which errwire builds the lookup
//!   table at compile time;
//! - [`fillers`]: one function per field type to fill a field from a received body;
//! - [`arms`]: errors whose generated code reads the same share one match arm.

pub mod arms;
pub mod base;
pub mod constants;
pub mod errcode_table;
pub mod fillers;
