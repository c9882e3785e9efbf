// LVSRules: see ../shared/DESIGN.md §1 for this module's place in the pipeline.
