"""The in-process ASGI test server leaves no task pending when it stops (testing.browser)."""

import asyncio
import gc
import logging

from hearthside.testing.browser import close_loop


def test_closing_the_servers_loop_cancels_and_finishes_what_still_runs(caplog):
    loop = asyncio.new_event_loop()
    cleaned: list[str] = []

    async def subscriber():  # like the fan-out hub's: waits on a future that never completes
        try:
            await loop.create_future()
        finally:
            cleaned.append("subscriber")

    async def serve():
        loop.create_task(subscriber())
        await asyncio.sleep(0)

    loop.run_until_complete(serve())
    task = next(iter(asyncio.all_tasks(loop)))
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        close_loop(loop)
        gc.collect()
    assert loop.is_closed()
    assert task.cancelled()
    assert cleaned == ["subscriber"]
    assert "Task was destroyed but it is pending" not in caplog.text
