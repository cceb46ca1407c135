import os
import threading


def work(x, items=[]):
    items.append(x)
    return items


def main(path):
    worker = threading.Thread(target=work)
    worker.start()
    if len(path) is 1:
        return None
    os.chmod("données/" + path, 755)
    worker.join()
