# Top-level tasks. `make lab` needs root (see Fixtures/README.md).
.PHONY: lab
lab:
	Fixtures/lab/lab.sh --all
