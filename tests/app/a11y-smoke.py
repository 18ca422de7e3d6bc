#!/usr/bin/python3
# Copyright 2026 The Takt developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Accessibility smoke test: starts takt on the bundled sample, finds the six
# pages by their accessible names through AT-SPI, switches to Products and
# reads a product's name there.  Run under Xvfb:
#
#   /usr/bin/python3 a11y-smoke.py BUILD_ROOT
#
# It runs itself again inside a D-Bus session of its own (dbus-run-session).
# The daemons of that session (the accessibility bus and its registry) print
# to the standard output they inherit, which is not TAP; so only the TAP
# lines go to the test's standard output and everything else to stderr.

import os
import shutil
import subprocess
import sys
import tempfile
import time

import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

TAP_FD_VARIABLE = "TAKT_A11Y_TAP_FD"


def enter_session():
    """Runs this script again in a D-Bus session of its own, with the
    original standard output kept on another descriptor for TAP and the
    standard output of everything started in the session sent to stderr.
    Returns only when the script already runs in such a session."""
    if TAP_FD_VARIABLE in os.environ:
        return
    dbus_run_session = shutil.which("dbus-run-session")
    if dbus_run_session is None:
        print("1..0 # SKIP dbus-run-session is not installed")
        sys.stdout.flush()
        sys.exit(0)
    sys.stdout.flush()
    tap_fd = os.dup(1)
    os.set_inheritable(tap_fd, True)
    os.dup2(2, 1)
    os.environ[TAP_FD_VARIABLE] = str(tap_fd)
    os.execv(dbus_run_session,
             [dbus_run_session, "--", sys.executable, os.path.abspath(__file__)] + sys.argv[1:])


enter_session()
TAP = os.fdopen(int(os.environ[TAP_FD_VARIABLE]), "w", buffering=1)


def tap(line):
    """Prints one line of TAP to the test's standard output."""
    print(line, file=TAP)


try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError):
    tap("1..0 # SKIP no AT-SPI bindings for Python (python3-gi, gir1.2-atspi-2.0)")
    sys.exit(0)

PAGES = ["Schedule", "Campaigns", "Demand", "Products", "Stations", "Costs"]
PRODUCT = "Spiral vase"


def walk(node, depth=0, limit=40):
    """Every accessible below node (depth-first)."""
    if node is None or depth > limit:
        return
    yield node
    try:
        n = node.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find_app(timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and (app.get_name() or "").lower() in ("takt", "io.github.taktplanner.takt"):
                return app
        time.sleep(0.3)
    return None


def wait_for(predicate, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        found = predicate()
        if found:
            return found
        time.sleep(0.3)
    return None


def main():
    build_root = sys.argv[1]
    takt = os.path.join(build_root, "src", "app", "takt")
    state = tempfile.mkdtemp(prefix="takt-a11y-")

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["GSETTINGS_BACKEND"] = "memory"
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(build_root, "data")
    for var in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[var] = os.path.join(state, var)
    env["LC_ALL"] = "C.UTF-8"
    env["LANGUAGE"] = ""

    tap("1..4")
    proc = subprocess.Popen([takt], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        app = find_app()
        if app is None:
            tap("not ok 1 takt shows up on the accessibility bus")
            tap("Bail out! no application named takt")
            return 1
        tap("ok 1 takt shows up on the accessibility bus as %r" % app.get_name())

        def page_buttons():
            found = {}
            for node in walk(app):
                name = node.get_name()
                if name in PAGES and node.get_role() in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PAGE_TAB,
                                                         Atspi.Role.PUSH_BUTTON, Atspi.Role.RADIO_BUTTON):
                    found.setdefault(name, node)
            return found if len(found) == len(PAGES) else None

        buttons = wait_for(page_buttons)
        if buttons is None:
            tap("not ok 2 the six pages are found by name")
            failures += 1
            return 1
        tap("ok 2 the six pages are found by name: %s" % ", ".join(PAGES))

        products = buttons["Products"]
        done = False
        for i in range(Atspi.Action.get_n_actions(products)):
            if Atspi.Action.get_action_name(products, i) in ("click", "press", "activate"):
                done = Atspi.Action.do_action(products, i)
                break
        if not done:
            tap("not ok 3 Products is switched to through its action")
            return 1
        tap("ok 3 Products is switched to through its action")

        # The page itself carries the accessible name "Products" too; it is
        # only filled when shown, so the name found inside it proves both
        # the switch and what the page shows.
        def product_name():
            for page in walk(app):
                if page.get_name() != "Products" or page.get_role() in (
                        Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PAGE_TAB, Atspi.Role.PUSH_BUTTON,
                        Atspi.Role.RADIO_BUTTON, Atspi.Role.LABEL):
                    continue
                for node in walk(page):
                    if node.get_name() == PRODUCT:
                        return node
            return None

        node = wait_for(product_name)
        if node is None:
            tap("not ok 4 the Products page shows %r" % PRODUCT)
            return 1
        tap("ok 4 the Products page shows %r (%s)" % (PRODUCT, node.get_role_name()))
        return 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
