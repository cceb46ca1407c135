import signal


def on_hangup():
    print("reloading")


signal.signal(signal.SIGHUP, on_hangup)
