"""Framework-free plumbing shared by every router: requests, responses, routing and auth."""
