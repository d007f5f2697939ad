"""Imported by the forkserver before it forks the analysis workers (chronology.parallel): it builds the tagger's
plan for the pattern table (trigger tables and compiled searches, about half a second of CPU), which every worker
then inherits instead of building its own."""

from chronology.tagger import prepare

prepare()
