"""The application layer: what the viewer holds and does, without any Qt.

A :class:`~timeline_app.app.session.Session` holds the loaded timeline, its filter, the
selection and the view, and announces every change; loading goes through the ``io.formats``
registry (:mod:`~timeline_app.app.loading`); slow work runs through one helper
(:mod:`~timeline_app.app.work`). The Qt window only shows the session and forwards what the
user does to it.
"""
