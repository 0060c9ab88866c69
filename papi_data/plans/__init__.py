"""Plans versus results as one package: rules, measures, evaluation, summaries, the planner, plans.yaml."""
