// Arranging the workspace grid in the browser: drag a panel's grip onto another panel to move it there (HTML5
// drag and drop), drag its corner to resize it (pointer events, snapping to the grid's columns and rows). The
// preview is drawn here; .NET hears of each change once, on drop or release, and saves it.
const attached = new WeakMap();

export function attach(grid, dotnet, rowHeight, columns, maxRows) {
    detach(grid);
    let dragged = null;
    let marked = null;

    const itemOf = (event) => event.target.closest?.('[data-panel-item]');
    const mark = (item) => {
        if (marked !== item) {
            marked?.classList.remove('studio-drop-target');
            marked = item;
            marked?.classList.add('studio-drop-target');
        }
    };
    const endDrag = () => {
        mark(null);
        grid.querySelector('.studio-dragging')?.classList.remove('studio-dragging');
        dragged = null;
    };

    const listeners = {
        dragstart: (event) => {
            const handle = event.target.closest?.('[data-drag-handle]');
            if (!handle) {
                return;
            }

            dragged = handle.dataset.dragHandle;
            const item = handle.closest('[data-panel-item]');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', dragged); // some browsers start no drag without data
            event.dataTransfer.setDragImage(item, 24, 24);
            item.classList.add('studio-dragging');
        },
        dragover: (event) => {
            const item = itemOf(event);
            if (dragged && item && item.dataset.panelItem !== dragged) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                mark(item);
            }
        },
        drop: (event) => {
            const item = itemOf(event);
            const panelId = dragged;
            endDrag();
            if (panelId && item && item.dataset.panelItem !== panelId) {
                event.preventDefault();
                dotnet.invokeMethodAsync('DropAsync', panelId, item.dataset.panelItem);
            }
        },
        dragend: endDrag,
        pointerdown: (event) => {
            const handle = event.target.closest?.('[data-resize-handle]');
            if (handle && event.button === 0) {
                event.preventDefault();
                resize(grid, handle, event, dotnet, rowHeight, columns, maxRows);
            }
        },
    };

    for (const [name, listener] of Object.entries(listeners)) {
        grid.addEventListener(name, listener);
    }

    attached.set(grid, listeners);
}

export function detach(grid) {
    const listeners = attached.get(grid);
    if (listeners) {
        for (const [name, listener] of Object.entries(listeners)) {
            grid.removeEventListener(name, listener);
        }

        attached.delete(grid);
    }
}

// Follows one resize from press to release; the width snaps to whole columns, the height (once the pointer moved
// up or down) to whole rows.
function resize(grid, handle, start, dotnet, rowHeight, columns, maxRows) {
    const item = handle.closest('[data-panel-item]');
    const panelId = item.dataset.panelItem;
    const box = item.getBoundingClientRect();
    const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
    const column = (grid.getBoundingClientRect().width - gap * (columns - 1)) / columns;
    const savedHeight = item.dataset.height === 'auto' ? null : Number(item.dataset.height);
    const savedWidth = Math.round((box.width + gap) / (column + gap));
    let width = savedWidth;
    let height = savedHeight;

    handle.setPointerCapture(start.pointerId);
    item.classList.add('studio-resizing');

    const move = (event) => {
        width = clamp(Math.round((box.width + event.clientX - start.clientX + gap) / (column + gap)), 1, columns);
        if (savedHeight !== null || Math.abs(event.clientY - start.clientY) > rowHeight / 4) {
            height = clamp(Math.round((box.height + event.clientY - start.clientY) / rowHeight), 1, maxRows);
        }

        item.style.setProperty('--studio-preview-span', width);
        item.style.setProperty('--studio-preview-height', height === null ? 'auto' : `${height * rowHeight}px`);
    };
    const release = async () => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', release);
        handle.removeEventListener('pointercancel', release);
        try {
            // A click on the corner changes nothing (and so saves nothing, not even the automatic width as a number).
            if (width !== savedWidth || height !== savedHeight) {
                await dotnet.invokeMethodAsync('ResizeAsync', panelId, width, height);
            }
        } finally {
            // The grid now draws the saved size itself.
            item.classList.remove('studio-resizing');
            item.style.removeProperty('--studio-preview-span');
            item.style.removeProperty('--studio-preview-height');
        }
    };

    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', release);
    handle.addEventListener('pointercancel', release);
    move(start);
}

function clamp(value, low, high) {
    return Math.min(high, Math.max(low, value));
}
