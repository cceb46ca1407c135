import os
import threading


def work():
    print("working")


def add(x, items=[]):
    items.append(x)
    return items


def check(x, path):
    if x is 1:
        os.chmod(path, 755)
    threading.Thread(target=work).start()
