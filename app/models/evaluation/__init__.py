"""Supplier evaluation and grading (业绩评定与动态分级): ``tables`` (order lines, deliveries,
inspection lots, schemes, runs, results, traces), ``service`` (evaluate a period, the grade list,
why a supplier got its grade), ``history`` (evaluated periods, score history), ``sourcing`` (the
sourcing plan), ``imports`` (CSV import of deliveries and lots). ``demo`` extends the demo."""
