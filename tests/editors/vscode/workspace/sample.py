import threading


def collect(item, seen=[]):
    seen.append(item)
    return seen


def work():
    print("working")


worker = threading.Thread(target=work)
worker.start()
worker.join()


def is_missing(status):
    return status is 404
