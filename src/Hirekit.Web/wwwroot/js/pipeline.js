// Hirekit pipeline board: drag and drop on top of the column move forms. Without this script (or
// with the keyboard) a card's checkbox and its column's form do the same move with a full page load.
(function () {
    'use strict';

    var board = document.querySelector('[data-board]');
    if (!board || !window.fetch || !window.FormData) {
        return;
    }

    var status = document.getElementById('board-status');
    var dragged = null;

    function say(message, failed) {
        if (status) {
            status.textContent = message;
            status.classList.toggle('failed', !!failed);
        }
    }

    function columnOf(element) {
        return element.closest('[data-column]');
    }

    function setCount(column, delta) {
        var count = column.querySelector('[data-count]');
        if (count) {
            count.textContent = String(Math.max(0, parseInt(count.textContent, 10) + delta));
        }
    }

    function fixEmpty(column) {
        var list = column.querySelector('[data-cards]');
        var placeholder = list.querySelector('[data-empty]');
        var hasCards = list.querySelector('[data-card]') !== null;
        if (hasCards && placeholder) {
            placeholder.remove();
        } else if (!hasCards && !placeholder) {
            var li = document.createElement('li');
            li.className = 'empty-column';
            li.setAttribute('data-empty', '');
            li.textContent = 'No one here.';
            list.appendChild(li);
        }
    }

    function columnName(column) {
        var name = column.querySelector('.column-name');
        return name ? name.textContent : 'the column';
    }

    function nameOf(card) {
        var link = card.querySelector('.card-name');
        return link ? link.textContent : 'the candidate';
    }

    // The card's checkbox carries its application id; only movable cards have one.
    function pickOf(card) {
        return card.querySelector('input[name=applicationId]');
    }

    // The antiforgery token of the card's column form, or any on the page (every form carries the same one).
    function tokenFor(card) {
        var form = card.closest('form');
        var field = (form && form.querySelector('input[name=__RequestVerificationToken]')) ||
            document.querySelector('input[name=__RequestVerificationToken]');
        return field ? field.value : '';
    }

    function move(card, target) {
        var pick = pickOf(card);
        var source = columnOf(card);
        if (!pick || !target || target === source) {
            return;
        }

        // One application, whatever else is ticked in the column: the drag names only this card.
        var data = new FormData();
        data.append('applicationId', pick.value);
        data.append('stage', target.getAttribute('data-stage'));
        data.append('__RequestVerificationToken', tokenFor(card));
        var form = card.closest('form');
        var action = form ? form.action : board.getAttribute('data-move');
        var name = nameOf(card);
        card.classList.add('moving');
        say('Moving ' + name + '…');
        fetch(action, {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.json().then(function (body) {
                return { ok: response.ok, body: body };
            }, function () {
                return { ok: false, body: { message: 'The server could not move the card (' + response.status + ').' } };
            });
        }).then(function (result) {
            card.classList.remove('moving');
            if (!result.ok || !result.body.ok) {
                say(result.body.message || 'The move failed.', true);
                return;
            }

            target.querySelector('[data-cards]').prepend(card);
            setCount(source, -1);
            setCount(target, +1);
            fixEmpty(source);
            fixEmpty(target);
            pick.checked = false;
            if (target.getAttribute('data-stage') === 'hired') {
                // Hired is an end: the card keeps no checkbox, as after a page load.
                (pick.closest('label') || pick).remove();
                card.removeAttribute('draggable');
            }

            // A confirmation left by an earlier page load no longer describes the board.
            document.querySelectorAll('main > .notice').forEach(function (notice) { notice.remove(); });
            say('Moved ' + name + ' to ' + columnName(target) + '.');
        }).catch(function () {
            card.classList.remove('moving');
            say('The move failed; check your connection and try again.', true);
        });
    }

    board.querySelectorAll('[data-card]').forEach(function (card) {
        if (!pickOf(card)) {
            return;
        }

        card.setAttribute('draggable', 'true');
        card.addEventListener('dragstart', function (event) {
            dragged = card;
            card.classList.add('dragging');
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', pickOf(card).value);
        });
        card.addEventListener('dragend', function () {
            card.classList.remove('dragging');
            dragged = null;
            board.querySelectorAll('.drop-over').forEach(function (c) { c.classList.remove('drop-over'); });
        });
    });

    board.querySelectorAll('.droppable[data-stage]').forEach(function (column) {
        column.addEventListener('dragover', function (event) {
            if (dragged && columnOf(dragged) !== column) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                column.classList.add('drop-over');
            }
        });
        column.addEventListener('dragleave', function (event) {
            if (!column.contains(event.relatedTarget)) {
                column.classList.remove('drop-over');
            }
        });
        column.addEventListener('drop', function (event) {
            event.preventDefault();
            column.classList.remove('drop-over');
            if (dragged) {
                move(dragged, column);
            }
        });
    });
})();
