"""Beam's DoFn inspection, done once per class (pipeline/runners.py): same answers, fewer calls."""

from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.transforms import userstate
from apache_beam.transforms.core import CallableWrapperDoFn

import pipeline.graph  # noqa: F401 - importing the graph installs the cache, as in a run
from pipeline import runners

COUNT = userstate.CombiningValueStateSpec("count", combine_fn=sum)
COUNT_STATE = beam.DoFn.StateParam(COUNT)


class Stateful(beam.DoFn):
    def process(self, element, count=COUNT_STATE):
        yield element


class Plain(beam.DoFn):
    def process(self, element):
        yield element


class Holder:
    def stateful(self, element, count=COUNT_STATE):
        return element


def test_the_cache_is_installed_once():
    runners.inspect_dofns_once()
    assert userstate.get_dofn_specs is runners.get_dofn_specs
    assert runners._BEAM_GET_DOFN_SPECS is not runners.get_dofn_specs


def test_specs_are_beams_and_computed_once_per_class(monkeypatch):
    calls = []
    beams = runners._BEAM_GET_DOFN_SPECS

    def counting(dofn):
        calls.append(type(dofn))
        return beams(dofn)

    monkeypatch.setattr(runners, "_BEAM_GET_DOFN_SPECS", counting)
    monkeypatch.setattr(runners, "_DOFN_SPECS", {})
    first = userstate.get_dofn_specs(Stateful())
    second = userstate.get_dofn_specs(Stateful())
    assert first == second == ({COUNT}, set())
    assert first[0] is not second[0]  # fresh sets: a caller may change its own
    assert userstate.is_stateful_dofn(Stateful()) and not userstate.is_stateful_dofn(Plain())
    assert calls.count(Stateful) == 1 and calls.count(Plain) == 1


def test_a_dofn_with_its_own_bound_method_is_inspected_every_time():
    dofn = CallableWrapperDoFn(Holder().stateful)
    assert runners._dofn_specs_key(dofn) is None
    assert userstate.get_dofn_specs(dofn) == ({COUNT}, set())


def test_a_replaced_method_is_a_new_class_key(monkeypatch):
    before = runners._dofn_specs_key(Plain())

    def process(self, element, count=COUNT_STATE):
        yield element

    monkeypatch.setattr(Plain, "process", process)
    assert runners._dofn_specs_key(Plain()) != before
    assert userstate.get_dofn_specs(Plain()) == ({COUNT}, set())


def test_duplicate_parameters_are_still_refused():
    class Twice(beam.DoFn):
        def process(self, element, a=beam.DoFn.KeyParam, b=beam.DoFn.KeyParam):
            yield element

    for _ in range(2):
        with pytest.raises(ValueError, match="duplicate"):
            userstate.get_dofn_specs(Twice())
