"""Imported by the forkserver before it forks the analysis workers (chronology.parallel): it builds the tagger's
plan for the pattern table (trigger tables and compiled searches, about half a second of CPU), which every worker
then inherits instead of building its own; and it sets the garbage collector's pace, which the workers inherit
too (chronology.parallel.pace_collector)."""

from chronology.parallel import pace_collector
from chronology.tagger import prepare

prepare()
pace_collector()
