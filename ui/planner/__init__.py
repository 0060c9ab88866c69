"""The target planner page: its panel and words."""
