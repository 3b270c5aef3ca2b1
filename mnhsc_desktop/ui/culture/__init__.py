"""The Culture library tab: activities, the team log, the session planner, run mode, Kudos."""
