"""Imported by the forkserver before it forks the analysis workers (chronology.parallel): tagging one sentence
builds the tagger's plan for the pattern table (trigger tables and compiled searches, about half a second of
CPU), which every worker then inherits instead of building its own."""

from chronology.tagger import tag

tag("On Monday, January 3, 2020, four years ago, the talks began.")
