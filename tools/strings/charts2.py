# Strings of the earned value S-curve (plan evm), the workload chart (plan workload) and the burn-down's history notes: (key, English, 简体中文).
S = [
("cmd.plan.evm", "Draw the earned value S-curve: planned value, earned value and actual cost by week, with SPI, CPI and EAC.", "绘制挣值 S 曲线：按周显示计划价值、挣值和实际成本，并给出 SPI、CPI 和 EAC。"),
("cmd.plan.evm.title", "Earned value chart", "挣值图"),
("chart.evm_title", "{0} · {1}: earned value at {2}", "{0} · {1}：截至 {2} 的挣值"),
("chart.evm_axis", "Cumulative cost ({0})", "累计成本（{0}）"),
("chart.evm_status_date", "Status date", "状态日期"),
("chart.evm_pv", "Planned value (PV)", "计划价值（PV）"),
("chart.evm_ev", "Earned value (EV)", "挣值（EV）"),
("chart.evm_ac", "Actual cost (AC)", "实际成本（AC）"),
("chart.evm_summary", "PV {0}, EV {1}, AC {2} {7}: SPI {3}, CPI {4}, EAC {5} against a budget of {6}.", "PV {0}，EV {1}，AC {2} {7}：SPI {3}，CPI {4}，EAC {5}，预算为 {6}。"),
("chart.workload_axis", "% of capacity", "占产能的百分比"),
("chart.workload_capacity", "Capacity (100%)", "产能（100%）"),
("chart.workload_alt", "Load per person per week from {0} to {1} against the 100% capacity line", "{0} 至 {1} 每人每周的负荷，对比 100% 产能线"),
("chart.burn_from_history", "Past days follow the dated progress reports.", "过去的数据依据带日期的进度报告。"),
("chart.burn_reconstructed_some", "Past days follow the dated progress reports; for {0} task(s) reported before the history was kept, they are reconstructed from durations, % complete and actual dates.", "过去的数据依据带日期的进度报告；对于在保留历史之前报告进度的 {0} 个任务，则根据工期、完成百分比和实际日期推算。"),
]
