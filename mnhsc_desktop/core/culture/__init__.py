"""The safety-culture library: activities, the team log, session plans, Kudos cards, attachments."""
