"""Panels over types as a mixed-integer programme in HiGHS.

A panel is a count per type: 0 ≤ x_t ≤ people of type t, Σ x_t = panel size, and for every quota
min ≤ Σ x_t over the types having its feature ≤ max. The same model finds a first panel, prices
new panels for the LEXIMIN column generation (maximise Σ w_t x_t) and finds which quotas conflict.
"""

import highspy
import numpy as np

INF = highspy.kHighsInf
# The pricing problem's optimality gap: small against the probabilities' tolerance (leximin.py).
MIP_GAP = 1e-7


class PanelSolver:
    def __init__(self, instance):
        self.instance = instance
        sizes = np.array(instance.sizes, dtype=float)
        self.count = len(sizes)
        self.index = np.arange(self.count, dtype=np.int32)
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("mip_rel_gap", MIP_GAP)
        highs.setOptionValue("mip_abs_gap", MIP_GAP)
        # The model is small and solved hundreds of times: HiGHS's presolve, symmetry detection,
        # feasibility jump and threads cost more than they save here (3x faster measured).
        highs.setOptionValue("presolve", "off")
        highs.setOptionValue("mip_detect_symmetry", False)
        highs.setOptionValue("mip_heuristic_run_feasibility_jump", False)
        highs.setOptionValue("threads", 1)
        highs.addVars(self.count, np.zeros(self.count), sizes)
        highs.changeColsIntegrality(self.count, self.index, np.array([highspy.HighsVarType.kInteger] * self.count))
        highs.addRow(instance.panel_size, instance.panel_size, self.count, self.index, np.ones(self.count))
        for quota, types in zip(instance.quotas.quotas, instance.quota_types):
            highs.addRow(quota.min, quota.max, len(types), np.array(types, dtype=np.int32), np.ones(len(types)))
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.highs = highs

    def solve(self, weights, time_limit=None):
        """The panel maximising Σ weights[t]·x_t, as (counts, value, upper bound on the value), or
        None when no panel meets the quotas."""
        self.highs.changeColsCost(self.count, self.index, np.asarray(weights, dtype=float))
        self.highs.setOptionValue("time_limit", INF if time_limit is None else max(float(time_limit), 0.01))
        self.highs.run()
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        info = self.highs.getInfo()
        if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
            raise TimeoutError(self.highs.modelStatusToString(status))
        counts = tuple(int(round(value)) for value in self.highs.getSolution().col_value)
        value = float(np.dot(weights, counts))
        bound = info.mip_dual_bound if abs(info.mip_dual_bound) < INF else value
        return counts, value, max(bound, value)

    def feasible(self):
        return self.solve(np.zeros(self.count)) is not None

    def conflicting_bounds(self):
        """A minimal set of quota bounds that cannot hold together (with the panel size and the
        pool): drop each bound in turn and keep it dropped while the rest stays infeasible."""
        kept = []
        for row, quota in enumerate(self.instance.quotas.quotas, start=1):
            low = quota.min
            if low > 0:
                self.highs.changeRowBounds(row, 0, quota.max)
                if self.feasible():
                    kept.append((quota, "min"))
                else:
                    low = 0
            self.highs.changeRowBounds(row, low, INF)
            if self.feasible():
                kept.append((quota, "max"))
                self.highs.changeRowBounds(row, low, quota.max)
        for row, quota in enumerate(self.instance.quotas.quotas, start=1):
            self.highs.changeRowBounds(row, quota.min, quota.max)
        return kept
