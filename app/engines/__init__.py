"""Pure calculations: plain data in, plain data out. No Qt, no database, no other app layer."""
