"""A small service that stops cleanly on SIGTERM and reloads on SIGHUP."""
import signal
import signal as sig
from signal import signal as on_signal


def shutdown():
    print("shutting down")


def reload(signum, frame):
    print("reloading on", signum)


class Worker:
    def start(self):
        signal.signal(signal.SIGUSR1, self.dump)

    def dump(self):
        print("state")


signal.signal(signal.SIGTERM, shutdown)
sig.signal(sig.SIGHUP, reload)
on_signal(signal.SIGINT, lambda: print("interrupted"))
signal.signal(signal.SIGQUIT, signal.SIG_DFL)
