import os

# Unit and widget tests render offscreen; end-to-end tests start their own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test extracts afresh (a test may swap parts of the engine); the cache has its own tests.
os.environ["TIMELINE_APP_NO_CACHE"] = "1"
