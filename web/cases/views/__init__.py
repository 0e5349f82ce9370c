"""The cases app's views, by feature: reporting, case work, the dashboard."""
