import os

# Unit and widget tests render offscreen; end-to-end tests start their own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
