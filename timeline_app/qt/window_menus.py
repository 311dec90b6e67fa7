"""The main window's menus, actions and toolbar."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar

from timeline_app import __version__
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.icons import standard_icon
from timeline_app.qt.window_actions import make_action

MENU_NAMES = ("file", "edit", "view", "go", "help")


class WindowMenus(QMainWindow):
    """Builds File/Edit/View/Go/Help and the toolbar; the slots live in the other window parts."""

    _menus: dict[str, QMenu]
    _canvas: TimelineCanvas
    _toolbar: QToolBar
    _recent_menu: QMenu
    open_dialog: Callable[[], None]
    add_dialog: Callable[[], None]
    focus_search: Callable[[], None]
    select_previous: Callable[[], None]
    select_next: Callable[[], None]
    select_first: Callable[[], None]
    select_last: Callable[[], None]
    go_to_date_dialog: Callable[[], None]
    _zoom_to_selected: Callable[[], None]
    _fill_recent_menu: Callable[[], None]

    def _action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
        icon: str = "",
        theme: str = "",
    ) -> QAction:
        action = make_action(self, text, slot, shortcuts, icon, theme)
        self._menus[menu].addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        titles = {"file": "&File", "edit": "&Edit", "view": "&View", "go": "&Go", "help": "&Help"}
        for name in MENU_NAMES:
            menu = bar.addMenu(titles[name])
            menu.setObjectName(f"{name}Menu")
            self._menus[name] = menu
        self.act_open = self._action(
            "file", "&Open…", self.open_dialog, [QKeySequence.StandardKey.Open], "SP_DialogOpenButton", "document-open"
        )
        self.act_add = self._action(
            "file", "&Add Files…", self.add_dialog, ["Ctrl+Shift+O"], "SP_FileDialogNewFolder", "list-add"
        )
        self._recent_menu = self._menus["file"].addMenu("Open &Recent")
        self._recent_menu.setObjectName("recentMenu")
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._menus["file"].addSeparator()
        self.act_quit = self._action("file", "&Quit", self.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_find = self._action(
            "edit", "&Find Events…", self.focus_search, [QKeySequence.StandardKey.Find, "Ctrl+F"]
        )
        self.act_zoom_in = self._action(
            "view",
            "Zoom &In",
            lambda: self._canvas.zoom(1.5),
            ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn],
            "SP_ArrowUp",
            "zoom-in",
        )
        self.act_zoom_out = self._action(
            "view",
            "Zoom &Out",
            lambda: self._canvas.zoom(1 / 1.5),
            ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
            "SP_ArrowDown",
            "zoom-out",
        )
        self.act_fit = self._action(
            "view", "&Fit All", self._canvas.fit_all, ["F", "Ctrl+0"], "SP_BrowserReload", "zoom-fit-best"
        )
        self.act_zoom_event = self._action("view", "Zoom to &Event", self._zoom_to_selected, ["Z"])
        self.act_prev = self._action(
            "go",
            "&Previous Event",
            self.select_previous,
            [QKeySequence(Qt.Key.Key_Left), "Alt+Left"],
            "SP_ArrowBack",
            "go-previous",
        )
        self.act_next = self._action(
            "go",
            "&Next Event",
            self.select_next,
            [QKeySequence(Qt.Key.Key_Right), "Alt+Right"],
            "SP_ArrowForward",
            "go-next",
        )
        self.act_first = self._action(
            "go", "&First Event", self.select_first, [QKeySequence(Qt.Key.Key_Home)], "SP_MediaSkipBackward", "go-first"
        )
        self.act_last = self._action(
            "go", "&Last Event", self.select_last, [QKeySequence(Qt.Key.Key_End)], "SP_MediaSkipForward", "go-last"
        )
        self._menus["go"].addSeparator()
        self.act_goto = self._action("go", "Go to &Date…", self.go_to_date_dialog, ["Ctrl+G"], "", "go-jump")
        self.act_legend_help = self._action("help", "&Legend", self.show_marks_legend, ["F1"], "", "help-contents")
        self._menus["help"].addSeparator()
        self.act_about = self._action("help", "&About Timeline", self.show_about, [], "", "help-about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about_qt = self._action("help", "About &Qt", lambda: QMessageBox.aboutQt(self, "About Qt"), [])
        self._toolbar = QToolBar("Main toolbar", self)
        self._toolbar.setObjectName("mainToolBar")
        self._toolbar.setIconSize(QSize(20, 20))
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Save, Undo and Redo belong to the editing layer, which attaches after the first frame:
        # their places are held from the start so that the toolbar does not shift when it does.
        self.toolbar_slots: dict[str, QAction] = {}
        for name, text, pixmap, theme in (
            ("save", "Save", "SP_DialogSaveButton", "document-save"),
            ("undo", "Undo", "SP_ArrowBack", "edit-undo"),
            ("redo", "Redo", "SP_ArrowForward", "edit-redo"),
        ):
            slot = QAction(standard_icon(pixmap, theme), text, self)
            slot.setEnabled(False)
            self.toolbar_slots[name] = slot
        for action in (
            *self.toolbar_slots.values(),
            None,
            self.act_open,
            None,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_fit,
            None,
            self.act_prev,
            self.act_next,
        ):
            if action is None:
                self._toolbar.addSeparator()
            else:
                self._toolbar.addAction(action)
        self.addToolBar(self._toolbar)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Timeline",
            f"<h3>Timeline {__version__}</h3>"
            "<p>Turns news articles into a sourced, interactive chronology: every event with its date, "
            "how certain that date is and why, and the sentence it came from.</p>",
        )

    def show_marks_legend(self) -> None:
        """Help ▸ Legend: what every mark on the timeline means."""
        from timeline_app.qt.marks_legend import MarksLegend

        dialog = MarksLegend(self._canvas.timeline_style(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def toolbar(self) -> QToolBar:
        return self._toolbar
